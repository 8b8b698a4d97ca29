using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Ecs;

namespace BlinkInfra.Security;

/// <summary>What <see cref="DataAccess"/> is built from.</summary>
public sealed record DataAccessArgs(
    DataAccessSpec Spec,
    Input<string> ClusterVpcId,
    ImmutableArray<string> MasterZones,
    Output<ImmutableDictionary<string, string>> MasterIdsByZone,
    ProviderResource? TenantProvider,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The cluster's way into the customer's VPC: an ENI in the customer's vSwitch of each master's
/// zone, in a data-access security group that lets out only to the endpoints the spec lists, attached
/// to that master. Across accounts, the ENIs and their group live in the tenant's account (its own
/// provider), which grants the platform account InstanceAttach before the platform attaches them.
/// Not declared by the stack while the master machines are nodes of an ACK node pool (no instance to
/// attach to): the spec refuses dataAccess.vswitches until the attachment is replaced.
/// </summary>
public sealed class DataAccess : ComponentResource
{
    public const string TypeToken = "blink:security:DataAccess";
    public const string AttachPermission = "InstanceAttach";

    [Output("dataSecurityGroupId")]
    public Output<string> DataSecurityGroupId { get; private set; }

    [Output("networkInterfaceIds")]
    public Output<ImmutableDictionary<string, string>> NetworkInterfaceIds { get; private set; }

    public DataAccess(string name, DataAccessArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var spec = args.Spec;
        var tenant = args.TenantProvider;
        var tenantOptions = () => tenant is null
            ? new CustomResourceOptions { Parent = this }
            : new CustomResourceOptions { Parent = this, Provider = tenant };

        // The group lives in the VPC of the ENIs: the cluster's (the customer's own) or the tenant's.
        var group = new SecurityGroup($"{name}-sg-data", new SecurityGroupArgs
        {
            SecurityGroupName = $"{name}-data",
            Description = $"BlinkInfra cluster {name}: data-access ENIs into the customer's VPC",
            VpcId = spec.CrossAccount is null ? args.ClusterVpcId : spec.Vswitches[0].VpcId,
            SecurityGroupType = ClusterSecurity.SecurityGroupType,
            // The ENIs have nothing to say to each other.
            InnerAccessPolicy = "Drop",
            Tags = Tagging.ToInputMap(args.Tags),
        }, tenantOptions());
        DataSecurityGroupId = group.Id;

        // Least privilege out: one rule per endpoint, then everything else dropped.
        foreach (var endpoint in spec.Endpoints)
        {
            SecurityRules.ToCidr($"{name}-sgr-data-to-{endpoint.Name}", group.Id, endpoint.Cidr, "tcp", $"{endpoint.Port}/{endpoint.Port}",
                SecurityRules.Accept, SecurityRules.AcceptPriority, $"to {endpoint.Kind} {endpoint.Name}", this, tenant);
        }
        SecurityRules.ToCidr($"{name}-sgr-data-drop-rest", group.Id, "0.0.0.0/0", "all", "-1/-1",
            SecurityRules.Drop, SecurityRules.DropPriority, "nothing but the listed endpoints", this, tenant);

        var interfaces = new List<(string Zone, EcsNetworkInterface Eni)>();
        foreach (var zone in args.MasterZones)
        {
            var vswitch = spec.Vswitches.First(v => v.Zone == zone);
            var eni = new EcsNetworkInterface($"{name}-eni-{zone}", new EcsNetworkInterfaceArgs
            {
                NetworkInterfaceName = $"{name}-data-{zone}",
                Description = $"BlinkInfra cluster {name}: the master in {zone} into {vswitch.Id}",
                VswitchId = vswitch.Id,
                SecurityGroupIds = { group.Id },
                Tags = Tagging.ToInputMap(args.Tags),
            }, tenantOptions());
            interfaces.Add((zone, eni));

            var attachOptions = new CustomResourceOptions { Parent = this };
            if (spec.CrossAccount is { } cross)
            {
                var permission = new EcsNetworkInterfacePermission($"{name}-eni-permission-{zone}", new EcsNetworkInterfacePermissionArgs
                {
                    AccountId = cross.PlatformAccountId,
                    NetworkInterfaceId = eni.Id,
                    Permission = AttachPermission,
                }, tenantOptions());
                // The platform attaches only once the tenant has granted it.
                attachOptions.DependsOn.Add(permission);
            }

            new EcsNetworkInterfaceAttachment($"{name}-eni-attach-{zone}", new EcsNetworkInterfaceAttachmentArgs
            {
                InstanceId = args.MasterIdsByZone.Apply(ids => ids[zone]),
                NetworkInterfaceId = eni.Id,
            }, attachOptions);
        }

        NetworkInterfaceIds = Output.All(interfaces.Select(i => i.Eni.Id))
            .Apply(ids => interfaces.Select((i, index) => (i.Zone, Id: ids[index])).ToImmutableDictionary(p => p.Zone, p => p.Id));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["dataSecurityGroupId"] = DataSecurityGroupId,
            ["networkInterfaceIds"] = NetworkInterfaceIds,
        });
    }
}
