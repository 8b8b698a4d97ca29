using System;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-isolation: the isolation exclusive mode promised.</summary>
public static class IsolationPack
{
    /// <summary>An all-ports accept rule to a block wider than this is not least privilege.</summary>
    public const int WidestAllPortsPrefix = 16;

    public const string Name = "blink-isolation";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        NoIngressFromInternet(),
        NoPublicIp(),
        InternetOnlyThroughNat(),
        VpcSecurityGroups(),
        LeastPrivilegeDataEgress(),
        PodPortsOnlyCluster(),
        WebUiOnlyFromPeers(),
        PodEgressOnlyDeclared(),
        PrivateApiServer(),
        PrivateAddressSpace(),
        ImagesAndChartReachable(),
        BreakGlassKeyPair(),
        ApiServerAuditLog(),
        CloudFirewallEnabled()));

    /// <summary>api-server-audit-log: The API server's audit log is on.</summary>
    // An advisory (issue 31.7): blink-infra:observability.logs.audit: false (or logs.enabled: false) is a choice, but
    // without it nothing records who did what through the API server (kubectl exec into a TaskManager, a Secret read).
    // Source: terraform-provider-alicloud v1.285.0, alicloud_cs_managed_kubernetes audit_log_config (enabled,
    // sls_project_name: ACK's way of turning on a managed cluster's audit log; without it ACK keeps none).
    public static ResourcePolicy ApiServerAuditLog(EnforcementLevel level = EnforcementLevel.Advisory)
        => new(DiagnosticCatalogue.ApiServerAuditLog, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.ManagedKubernetes), cluster =>
                cluster.At("auditLogConfig", "enabled") is JsonValue enabled && enabled.TryGetValue<bool>(out var on) && on
                    ? Array.Empty<string>()
                    : new[] { $"the API server's audit log is off (auditLogConfig): nothing records who read a Secret or ran a command in a pod through it; allowed: auditLogConfig enabled ({ConfigKeys.Section("observability")}.logs.audit: true, with logs.enabled: true, the defaults)" });

    /// <summary>cloud-firewall-enabled: A NAT firewall is declared only where Cloud Firewall is enabled in the account, which is confirmed by hand.</summary>
    // An advisory: CreateSecurityProxy needs Cloud Firewall enabled in the account (an edition billed by subscription or
    // pay-as-you-go, infra/Facts/EgressFirewall.cs), an account-wide purchase no plan or state shows. Once confirmed, a
    // stack sets this policy's level to disabled (blink-infra:policy.levels) to say so.
    public static ResourcePolicy CloudFirewallEnabled(EnforcementLevel level = EnforcementLevel.Advisory)
        => new(DiagnosticCatalogue.CloudFirewallEnabled, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CloudFirewall.NatFirewall), _ => new[]
            {
                "the NAT firewall that limits egress to blink-infra:network.internetEgress.allowedHosts needs Cloud Firewall enabled in the account (an edition of its own, billed by subscription or pay-as-you-go, plus the traffic it protects), which nothing offline can see; "
                + "allowed: confirm it in the Cloud Firewall console, then set blink-infra:policy.levels {cloud-firewall-enabled: disabled}",
            });

    /// <summary>break-glass-key-pair: Node pools whose machines accept an SSH key pair are named, for review.</summary>
    // An advisory: blink-infra:security.breakGlass is a choice, and the exposure is whoever holds the private key, from
    // wherever the security groups let port 22 in; no-ingress-from-internet keeps the internet out.
    public static ResourcePolicy BreakGlassKeyPair(EnforcementLevel level = EnforcementLevel.Advisory)
        => new(DiagnosticCatalogue.BreakGlassKeyPair, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), pool =>
                pool.Text("keyName") is { } keyName
                    ? new[] { $"the pool's machines accept SSH logins with the key pair {keyName}: whoever holds its private key reaches them on port 22 from wherever the security groups let it in (never the internet: no-ingress-from-internet); allowed: no keyName once break-glass access is not needed (blink-infra:security.breakGlass)" }
                    : Array.Empty<string>());

    /// <summary>images-and-chart-reachable: The cluster can pull every image it runs, and the operator's chart stays where the stack fetches it.</summary>
    // Sources: infra/Facts ImageSources (nodes pull through their security group: without internet egress
    // only the region's ACR VPC endpoints answer; the chart is fetched where `pulumi` runs, on every
    // preview and up, so it must be at a permanent location rather than one that drops superseded releases).
    public static StackPolicy ImagesAndChartReachable(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.ImagesAndChartReachable, level,
            ImmutableArray.Create(FlinkDefaults.DeploymentType, TypeTokens.Kubernetes.Helm.V3.Release, TypeTokens.Kubernetes.Batch.V1.CronJob), (resource, input) =>
            {
                var problems = new System.Collections.Generic.List<string>();
                var region = input.Settings.Region;
                string? image;
                string key;
                if (resource.Type == FlinkDefaults.DeploymentType)
                {
                    image = resource.At("spec", "image")?.GetValue<string>();
                    key = "image";
                }
                else if (resource.Type == TypeTokens.Kubernetes.Batch.V1.CronJob)
                {
                    // The checkpoint cleaner (images/checkpoint-cleaner/).
                    image = resource.At("spec", "jobTemplate", "spec", "template", "spec", "containers")?.AsArray().FirstOrDefault()?["image"]?.GetValue<string>();
                    key = "checkpointCleanup.image";
                }
                else
                {
                    if (resource.Text("chart") != FlinkDefaults.OperatorChart)
                        return problems;
                    var repository = resource.At("values", "image", "repository")?.GetValue<string>() ?? ImageSources.OperatorChartImage;
                    var tag = resource.At("values", "image", "tag")?.GetValue<string>();
                    image = tag is null ? repository : $"{repository}:{tag}";
                    key = "operatorImage";
                    if (resource.At("repositoryOpts", "repo")?.GetValue<string>() is { } chartRepository && ImageSources.DropsSupersededReleases(chartRepository))
                    {
                        problems.Add($"the chart repository {chartRepository} keeps only current releases (the ASF moves superseded ones to archive.apache.org), and the provider fetches the chart on every preview and up; allowed: a permanent location such as {ImageSources.OperatorChartRepository} (blink-infra:engine.operatorChartRepository)");
                    }
                }
                var vpcEndpoint = region is null ? "registry-vpc.<region>.aliyuncs.com" : $"registry-vpc.{region}.aliyuncs.com";
                if (image is not null && !input.Settings.InternetEgress && !ImageSources.ReachableWithoutInternet(image, region))
                {
                    problems.Add($"image {image} is on {ImageSources.HostOf(image)}, which the nodes reach only through the internet, and the stack has no internet egress; allowed: an image on the region's ACR VPC endpoint ({vpcEndpoint}/..., blink-infra:engine.registry or engine.{key}), or blink-infra:network.internetEgress.enabled true");
                }
                // Behind a NAT firewall, the registry's host must be one it lets out on HTTPS.
                else if (image is not null && input.Settings.InternetEgressHosts is { IsDefaultOrEmpty: false } allowed
                         && !ImageSources.ReachableWithoutInternet(image, region) && !AllowsHttps(allowed, ImageSources.HostOf(image)))
                {
                    var host = ImageSources.HostOf(image);
                    problems.Add($"image {image} is on {host}, which the NAT firewall does not let out (no {host}:443 in blink-infra:network.internetEgress.allowedHosts); allowed: an image on the region's ACR VPC endpoint ({vpcEndpoint}/..., blink-infra:engine.registry or engine.{key}), or {host}:443 in allowedHosts with the hosts its registry sends layers from");
                }
                return problems;
            });

    /// <summary>Whether "host:port" entries let out HTTPS to a host: by its name, or a "*." entry for a domain above it.</summary>
    private static bool AllowsHttps(ImmutableArray<string> allowed, string host)
        => allowed.Any(entry => entry.EndsWith(":443", StringComparison.Ordinal) && entry[..^":443".Length] is var name
            && (name == host || (name.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(name[1..], StringComparison.Ordinal))));

    /// <summary>private-address-space: The cluster's vSwitches lie in private address space (RFC 1918).</summary>
    // Alibaba Cloud allows a VPC in public address space (outside its reserved ranges), but the VPC routes
    // those addresses to itself: the internet's hosts at them become unreachable from the cluster. Said once, of
    // blink-infra:network.cidrBlock, when the VPC's own block is public (the VPC the stack declares, or, carved in
    // an existing VPC, when every vSwitch is public); of each vSwitch's block otherwise.
    public static StackPolicy PrivateAddressSpace(EnforcementLevel level = EnforcementLevel.Advisory)
        => new(DiagnosticCatalogue.PrivateAddressSpace, level, input =>
        {
            var privateRanges = AlibabaCloud.PrivateRanges.Select(IPNetwork2.Parse).ToList();
            bool IsPublic(IPNetwork2 block) => !privateRanges.Any(range => range.Contains(block));
            static IPNetwork2? Block(PlannedResource resource)
                => resource.Text("cidrBlock") is { } cidr && IPNetwork2.TryParse(cidr, out var block) ? block : null;
            var allowed = $"allowed: {ConfigKeys.Section("network")}.cidrBlock inside {string.Join(", ", AlibabaCloud.PrivateRanges)}";
            const string Why = "the VPC routes it to itself, so the internet's hosts at those addresses become unreachable from the cluster";

            var publicVpcs = input.OfType(TypeTokens.AliCloud.Vpc.Network)
                .Select(vpc => (Resource: vpc, Block: Block(vpc)))
                .Where(v => v.Block is { } block && IsPublic(block))
                .ToList();
            var vswitches = input.OfType(TypeTokens.AliCloud.Vpc.Switch)
                .Select(vswitch => (Resource: vswitch, Block: Block(vswitch)))
                .Where(v => v.Block is not null)
                .ToList();
            var findings = publicVpcs
                .Select(v => ((PlannedResource?)v.Resource, $"the VPC's block {v.Block} ({ConfigKeys.Section("network")}.cidrBlock) is public address space: {Why}; {allowed}"))
                .ToList();
            var publicVswitches = vswitches
                .Where(v => IsPublic(v.Block!) && !publicVpcs.Any(vpc => vpc.Block!.Contains(v.Block!)))
                .ToList();
            if (publicVpcs.Count == 0 && publicVswitches.Count > 0 && publicVswitches.Count == vswitches.Count)
            {
                // Carved in an existing VPC: every vSwitch public means the block they are carved from is.
                findings.Add((null, $"every vSwitch of the cluster lies in public address space ({string.Join(", ", publicVswitches.Select(v => v.Block))}), so the VPC's block they are carved from ({ConfigKeys.Section("network")}.cidrBlock) is public: {Why}; {allowed}"));
                return findings;
            }
            findings.AddRange(publicVswitches.Select(v => ((PlannedResource?)v.Resource,
                $"{v.Resource.Text("cidrBlock")} is public address space: {Why}; allowed: blocks inside {string.Join(", ", AlibabaCloud.PrivateRanges)} ({ConfigKeys.Section("network")}.zones[].cidrBlock and podCidrBlock, or the block they are planned in, {ConfigKeys.Section("network")}.cidrBlock)")));
            return findings;
        });

    /// <summary>no-ingress-from-internet: No security group rule lets in 0.0.0.0/0 or ::/0.</summary>
    public static ResourcePolicy NoIngressFromInternet(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.NoIngressFromInternet, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Ecs.SecurityGroupRule), rule =>
                rule.Text("type") == "ingress" && rule.Text("policy") != "drop" && (rule.Text("cidrIp") == "0.0.0.0/0" || rule.Text("ipv6CidrIp") == "::/0")
                    ? new[] { $"ingress from {rule.Text("cidrIp") ?? rule.Text("ipv6CidrIp")} on {rule.Text("ipProtocol")} {rule.Text("portRange")} lets the internet in; allowed: a source security group or a private block" }
                    : Array.Empty<string>());

    /// <summary>no-public-ip: No machine has a public IP.</summary>
    public static ResourcePolicy NoPublicIp(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.NoPublicIp, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), machine =>
                machine.Number("internetMaxBandwidthOut") is > 0
                    ? new[] { $"internetMaxBandwidthOut {machine.Number("internetMaxBandwidthOut")} gives the machine a public IP; allowed: 0 (internet through the NAT gateway)" }
                    : Array.Empty<string>());

    /// <summary>internet-only-through-nat: EIPs are associated with the NAT gateway only, and ACK makes no NAT gateway of its own.</summary>
    public static ResourcePolicy InternetOnlyThroughNat(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.InternetOnlyThroughNat, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Ecs.EipAssociation, TypeTokens.AliCloud.CS.ManagedKubernetes), resource =>
                resource.Type == TypeTokens.AliCloud.Ecs.EipAssociation
                    ? resource.Text("instanceType") == "Nat"
                        ? Array.Empty<string>()
                        : new[] { $"an EIP associated with a {resource.Text("instanceType") ?? "machine"} reaches the internet around the NAT gateway; allowed: instanceType Nat" }
                    : resource.Flag("newNatGateway") is false
                        ? Array.Empty<string>()
                        : new[] { "the cluster would create a NAT gateway of its own; allowed: newNatGateway false (the stack's NAT gateway)" });

    /// <summary>vpc-security-groups: Security groups are VPC groups.</summary>
    public static ResourcePolicy VpcSecurityGroups(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.VpcSecurityGroups, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Ecs.SecurityGroup), group =>
                group.Inputs.ContainsKey("vpcId") && group.Text("securityGroupType") is "normal" or "enterprise"
                    ? Array.Empty<string>()
                    : new[] { $"a {(group.Inputs.ContainsKey("vpcId") ? group.Text("securityGroupType") ?? "classic" : "classic-network")} group; allowed: a VPC group (vpcId) of type normal or enterprise" });

    /// <summary>
    /// least-privilege-data-egress: No accept rule opens all ports to a wide block, but Alibaba Cloud's
    /// service block, whose all-protocol rule is ACK's own least-privilege outbound rule (see <see cref="PodNetworking.AlibabaServiceBlock"/>).
    /// </summary>
    public static ResourcePolicy LeastPrivilegeDataEgress(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.LeastPrivilegeDataEgress, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Ecs.SecurityGroupRule), rule =>
            {
                var allPorts = rule.Text("ipProtocol") == "all" || rule.Text("portRange") is "-1/-1" or "1/65535";
                var wide = rule.Text("cidrIp") is { } cidr && cidr != PodNetworking.AlibabaServiceBlock && IPNetwork2.TryParse(cidr, out var block) && block.Cidr < WidestAllPortsPrefix;
                return rule.Text("type") == "egress" && rule.Text("policy") != "drop" && allPorts && wide
                    ? new[] { $"egress on all ports to {rule.Text("cidrIp")}; allowed: one port to an endpoint's block, all ports to a /{WidestAllPortsPrefix} or narrower, or to Alibaba Cloud's services ({PodNetworking.AlibabaServiceBlock})" }
                    : Array.Empty<string>();
            });

    /// <summary>
    /// pod-ports-only-cluster: The stack's security groups (carried by the pods: <see cref="BlinkInfra.Facts.PodNetworking"/>)
    /// let in only the ports the cluster listens on.
    /// </summary>
    public static ResourcePolicy PodPortsOnlyCluster(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.PodPortsOnlyCluster, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Ecs.SecurityGroupRule), rule =>
                rule.Text("type") == "ingress" && rule.Text("policy") != "drop"
                && !ClusterPorts.All.Any(t => t.Protocol == rule.Text("ipProtocol") && t.PortRange == rule.Text("portRange"))
                    ? new[] { $"ingress on {rule.Text("ipProtocol")} {rule.Text("portRange")} opens what no pod of the cluster listens on; allowed: {string.Join(", ", ClusterPorts.All.Select(t => $"{t.Protocol} {t.PortRange}").Distinct())}" }
                    : Array.Empty<string>());

    /// <summary>web-ui-only-from-peers: Only the cluster's own groups (the API server's proxy) and declared peer groups reach the web UI.</summary>
    public static StackPolicy WebUiOnlyFromPeers(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.WebUiOnlyFromPeers, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Ecs.SecurityGroupRule), (rule, input) =>
            {
                if (rule.Text("type") != "ingress" || rule.Text("policy") == "drop" || !Covers(rule, "tcp", FlinkPorts.Rest.Number))
                    return Array.Empty<string>();
                var source = rule.Text("sourceSecurityGroupId");
                return source is not null && (StackSettings.OwnGroupIds(input.Resources).Contains(source) || input.Settings.PeerGroupIds.Contains(source))
                    ? Array.Empty<string>()
                    : new[] { $"the web UI (tcp {FlinkPorts.Rest.Number}) is let in from {source ?? rule.Text("cidrIp") ?? "anywhere"}; allowed: the cluster's own groups, or a group of blink-infra:security.peerGroups ({(input.Settings.PeerGroupIds.IsEmpty ? "none declared" : string.Join(", ", input.Settings.PeerGroupIds))})" };
            });

    /// <summary>
    /// pod-egress-only-declared: The pods' groups let out only to the cluster's own groups, Alibaba Cloud's
    /// services, the API server, the declared endpoints and, with internet egress, HTTP(S); and drop the rest.
    /// </summary>
    public static StackPolicy PodEgressOnlyDeclared(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.PodEgressOnlyDeclared, level,
            ImmutableArray.Create(TypeTokens.AliCloud.Ecs.SecurityGroupRule, TypeTokens.AliCloud.Ecs.SecurityGroup), (resource, input) =>
            {
                if (resource.Type == TypeTokens.AliCloud.Ecs.SecurityGroup)
                {
                    // The group's own rules: those whose securityGroupId input names it.
                    return input.Resources.Any(r => r.Type == TypeTokens.AliCloud.Ecs.SecurityGroupRule && StackSettings.NamesGroup(r, "securityGroupId", new[] { resource })
                            && r.Text("type") == "egress" && r.Text("policy") == "drop" && r.Text("ipProtocol") == "all" && r.Text("cidrIp") == PodNetworking.Anywhere)
                        ? Array.Empty<string>()
                        : new[] { $"the group lets everything out; allowed: an egress rule dropping all to {PodNetworking.Anywhere} below the accepted destinations" };
                }
                if (resource.Text("type") != "egress" || resource.Text("policy") == "drop" || AllowedEgress(resource, input))
                    return Array.Empty<string>();
                return new[] { $"egress on {resource.Text("ipProtocol")} {resource.Text("portRange")} to {resource.Text("sourceSecurityGroupId") ?? resource.Text("cidrIp")} is not the cluster's nor a declared endpoint; " +
                    $"allowed: the cluster's groups, {PodNetworking.AlibabaServiceBlock}, tcp {PodNetworking.ApiServerPort} to the cluster's vSwitches, " +
                    $"{(input.Settings.DataEndpoints.IsEmpty ? "no endpoint (none declared)" : string.Join(", ", input.Settings.DataEndpoints.Select(e => $"tcp {e.Port} to {e.Cidr}")))}" +
                    (input.Settings.InternetEgress ? $", tcp {string.Join(" or ", input.Settings.InternetPorts)} to {PodNetworking.Anywhere}" : " (no internet: blink-infra:network.internetEgress is off)") };
            });

    private static bool AllowedEgress(PlannedResource rule, PolicyInput input)
    {
        if (rule.Text("sourceSecurityGroupId") is { } group)
            return StackSettings.OwnGroupIds(input.Resources).Contains(group);
        var cidr = rule.Text("cidrIp");
        var tcpPort = rule.Text("ipProtocol") == "tcp" && rule.Text("portRange") is { } range && range.Split('/') is [var from, var to] && from == to
            && int.TryParse(from, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : (int?)null;
        if (cidr == PodNetworking.AlibabaServiceBlock)
            return true;
        if (tcpPort == PodNetworking.ApiServerPort && input.Resources.Any(r => r.Type == TypeTokens.AliCloud.Vpc.Switch && r.Text("cidrBlock") == cidr))
            return true;
        if (tcpPort is { } p && input.Settings.DataEndpoints.Contains(new DataEgress(cidr ?? "", p)))
            return true;
        // With a NAT firewall, the allowed hosts' ports (it filters them by name); without, HTTP(S).
        return input.Settings.InternetEgress && cidr == PodNetworking.Anywhere && tcpPort is { } q && input.Settings.InternetPorts.Contains(q);
    }

    /// <summary>Whether an accept rule's protocol and ports take in this port.</summary>
    private static bool Covers(PlannedResource rule, string protocol, int port)
    {
        if (rule.Text("ipProtocol") == "all")
            return true;
        if (rule.Text("ipProtocol") != protocol || rule.Text("portRange") is not { } range || range.Split('/') is not [var from, var to])
            return false;
        return int.TryParse(from, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var low)
            && int.TryParse(to, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var high)
            && (low == -1 || (low <= port && port <= high));
    }

    /// <summary>private-api-server: The API server is not public unless the stack explicitly allows it.</summary>
    public static StackPolicy PrivateApiServer(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.PrivateApiServer, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.ManagedKubernetes), (cluster, input) =>
                cluster.Flag("slbInternetEnabled") is true && !input.Settings.ApiServerPublic
                    ? new[] { "the API server is exposed to the internet, which the stack does not allow; allowed: slbInternetEnabled false, or blink-infra:compute.kubernetes.apiServerPublic true" }
                    : Array.Empty<string>());
}
