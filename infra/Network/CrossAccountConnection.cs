using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.Cen;
using Pulumi.AliCloud.Cen.Inputs;
// Pulumi.AliCloud.Cen has a RouteEntry (and RouteEntryArgs) of its own: the VPC's is named in full.
using VpcRouteEntry = Pulumi.AliCloud.Vpc.RouteEntry;
using VpcRouteEntryArgs = Pulumi.AliCloud.Vpc.RouteEntryArgs;

namespace BlinkInfra.Network;

/// <summary>
/// The cluster's pods to the tenant's VPC in another account, through a CEN transit router the platform
/// owns. Order and accounts: the CEN instance and its transit router (platform); the tenant grants the
/// CEN its VPC (tenant, TransitRouterGrantAttachment: created in the VPC's account, terraform-provider-alicloud
/// alicloud_cen_transit_router_grant_attachment, which replaced the deprecated alicloud_cen_instance_grant); the transit router's VPC connections to the cluster's VPC and, once
/// granted, to the tenant's (platform, VpcOwnerId the tenant); a transit-router route table both connections
/// are associated with and propagate into (so the transit router forwards between them); then a route in
/// each VPC: the cluster's sends the tenant's block to its connection, the tenant's sends the cluster's pod
/// blocks (the addresses the pods' traffic comes from) back to its own. Every id is a string here, unlike
/// VPC peering, whose Vpc.PeerConnectionArgs.AcceptingAliUid is an Input&lt;int&gt; that cannot hold a
/// 16-digit account id (Pulumi.AliCloud 3.105.0). Sources: terraform-provider-alicloud docs of
/// alicloud_cen_instance, _cen_transit_router, _cen_instance_grant, _cen_transit_router_vpc_attachment
/// (zone_mappings required, vpc_owner_id for another account's VPC), _cen_transit_router_route_table,
/// _route_table_association, _route_table_propagation, alicloud_route_entry (nexthop_type "Attachment",
/// nexthop_id the transit_router_attachment_id); Alibaba Cloud VPC, "Routes are not added automatically".
/// Routes are declared, not auto-published (AutoPublishRouteEnabled false), so they are exactly these.
/// </summary>
public sealed class CrossAccountConnection : ComponentResource
{
    public const string TypeToken = "blink:network:CrossAccountConnection";

    [Output("transitRouterId")]
    public Output<string> TransitRouterId { get; private set; }

    public CrossAccountConnection(string name, CrossAccountConnectionArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;
        var tags = Tagging.ToInputMap(args.Tags);
        CustomResourceOptions Platform(params Resource[] dependsOn)
        {
            var options = new CustomResourceOptions { Parent = this };
            foreach (var dependency in dependsOn)
                options.DependsOn.Add(dependency);
            return options;
        }
        CustomResourceOptions Tenant(params Resource[] dependsOn)
        {
            var options = Platform(dependsOn);
            options.Provider = args.TenantProvider;
            return options;
        }
        // A route table holds one route per destination, and every input of a route entry replaces it: the old
        // route must go before its replacement (infra/Facts/ChangeConsequences.cs, DeleteFirst).
        static CustomResourceOptions DeletedFirst(CustomResourceOptions options)
        {
            options.DeleteBeforeReplace = true;
            return options;
        }

        var cen = new Instance($"{name}-cen", new InstanceArgs
        {
            CenInstanceName = DerivedNames.Cen(name),
            Description = DerivedNames.CenDescription(name, spec.VpcId),
            Tags = tags,
        }, Platform());
        var router = new TransitRouter($"{name}-tr", new TransitRouterArgs
        {
            CenId = cen.Id,
            TransitRouterName = DerivedNames.TransitRouter(name),
            TransitRouterDescription = DerivedNames.TransitRouterDescription(name),
            Tags = tags,
        }, Platform());
        TransitRouterId = router.TransitRouterId;

        // The tenant lets the platform's CEN attach its VPC: in the tenant's account. alicloud_cen_instance_grant is
        // deprecated since provider 1.241.0 for alicloud_cen_transit_router_grant_attachment (its doc's NOTE, read
        // 2026-12-05): cen_id, cen_owner_id (a string), instance_id, instance_type VPC, all ForceNew; the provider's own
        // example and acceptance test grant a VPC this way.
        var grant = new TransitRouterGrantAttachment($"{name}-cen-grant", new TransitRouterGrantAttachmentArgs
        {
            CenId = cen.Id,
            CenOwnerId = spec.PlatformAccountId,
            InstanceId = spec.VpcId,
            InstanceType = "VPC",
        }, Tenant());

        var clusterAttachment = new TransitRouterVpcAttachment($"{name}-tr-cluster", new TransitRouterVpcAttachmentArgs
        {
            CenId = cen.Id,
            TransitRouterId = router.TransitRouterId,
            VpcId = args.ClusterVpcId,
            ZoneMappings = args.Zones.Select(zone => new TransitRouterVpcAttachmentZoneMappingArgs
            {
                ZoneId = zone,
                VswitchId = args.VswitchIds.Apply(ids => ids[zone]),
            }).ToList(),
            TransitRouterVpcAttachmentName = DerivedNames.TransitRouterAttachment(name, "cluster"),
            AutoPublishRouteEnabled = false,
            Tags = tags,
        }, Platform());
        var tenantAttachment = new TransitRouterVpcAttachment($"{name}-tr-tenant", new TransitRouterVpcAttachmentArgs
        {
            CenId = cen.Id,
            TransitRouterId = router.TransitRouterId,
            VpcId = spec.VpcId,
            VpcOwnerId = spec.TenantAccountId,
            ZoneMappings = spec.Vswitches.Select(v => new TransitRouterVpcAttachmentZoneMappingArgs { ZoneId = v.Zone, VswitchId = v.Id }).ToList(),
            TransitRouterVpcAttachmentName = DerivedNames.TransitRouterAttachment(name, "tenant"),
            AutoPublishRouteEnabled = false,
            Tags = tags,
        }, Platform(grant));

        var table = new TransitRouterRouteTable($"{name}-tr-rt", new TransitRouterRouteTableArgs
        {
            TransitRouterId = router.TransitRouterId,
            TransitRouterRouteTableName = DerivedNames.TransitRouterRouteTable(name),
            TransitRouterRouteTableDescription = DerivedNames.TransitRouterRouteTableDescription(name),
            Tags = tags,
        }, Platform());
        foreach (var (side, attachment) in new[] { ("cluster", clusterAttachment), ("tenant", tenantAttachment) })
        {
            new TransitRouterRouteTableAssociation($"{name}-tr-rt-assoc-{side}", new TransitRouterRouteTableAssociationArgs
            {
                TransitRouterAttachmentId = attachment.TransitRouterAttachmentId,
                TransitRouterRouteTableId = table.TransitRouterRouteTableId,
            }, Platform());
            new TransitRouterRouteTablePropagation($"{name}-tr-rt-prop-{side}", new TransitRouterRouteTablePropagationArgs
            {
                TransitRouterAttachmentId = attachment.TransitRouterAttachmentId,
                TransitRouterRouteTableId = table.TransitRouterRouteTableId,
            }, Platform());
        }

        // The cluster's VPC sends the tenant's block to the transit router...
        new VpcRouteEntry($"{name}-route-to-tenant", new VpcRouteEntryArgs
        {
            RouteTableId = args.ClusterRouteTableId,
            DestinationCidrblock = spec.CidrBlock.ToString(),
            NexthopType = "Attachment",
            NexthopId = clusterAttachment.TransitRouterAttachmentId,
            Name = DerivedNames.RouteToTenant(name),
            Description = DerivedNames.RouteToTenantDescription(name, spec.VpcId),
        }, DeletedFirst(Platform()));
        // ...and the tenant's sends the pods' blocks back: in the tenant's account.
        foreach (var (block, index) in args.PodCidrBlocks.Select((block, index) => (block, index)))
        {
            new VpcRouteEntry($"{name}-route-to-pods-{args.Zones[index]}", new VpcRouteEntryArgs
            {
                RouteTableId = args.TenantRouteTableId,
                DestinationCidrblock = block,
                NexthopType = "Attachment",
                NexthopId = tenantAttachment.TransitRouterAttachmentId,
                Name = DerivedNames.RouteToPods(name, args.Zones[index]),
                Description = DerivedNames.RouteToPodsDescription(name, args.Zones[index]),
            }, DeletedFirst(Tenant()));
        }

        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }
}
