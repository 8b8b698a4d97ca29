using System;
using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// The names and descriptions BlinkInfra gives its resources, built from the config: the components
/// name what they declare with these, and <see cref="Check"/> holds each against Alibaba Cloud's
/// documented limit (<see cref="NameLimits"/>) before anything is declared, so that a cluster name a
/// suffix pushes past a limit is refused naming blink-infra:cluster.name, not failed at apply.
/// </summary>
public static class DerivedNames
{
    // Network (infra/Network ClusterNetwork, InternetEgress, CrossAccountConnection).
    public static string Vpc(string cluster) => $"{cluster}-vpc";
    public static string VpcDescription(string cluster) => $"BlinkInfra cluster {cluster}";
    public const string NodesVswitchRole = "vsw";
    public const string PodsVswitchRole = "pod-vsw";
    public static string Vswitch(string cluster, string role, string zone) => $"{cluster}-{role}-{zone}";
    public static string VswitchDescription(string cluster, string role, string zone)
        => $"BlinkInfra cluster {cluster}, {(role == PodsVswitchRole ? "pods " : "")}zone {zone}";
    public static string NatGateway(string cluster) => $"{cluster}-nat";
    public static string NatGatewayDescription(string cluster) => $"BlinkInfra cluster {cluster}: internet egress";
    public static string Eip(string cluster) => $"{cluster}-egress";
    public static string EipDescription(string cluster) => $"BlinkInfra cluster {cluster}: the address of its internet egress";
    /// <summary>An SNAT entry per zone for the nodes' vSwitch ("zone") and the pods' ("pod-zone").</summary>
    public static string SnatSource(string zone, bool pods) => pods ? $"pod-{zone}" : zone;
    // The NAT firewall (InternetEgress with allowedHosts): CreateSecurityProxy's ProxyName takes no '-'.
    public static string NatFirewall(string cluster) => $"{cluster.Replace('-', '_')}_egress";
    public static string EgressPolicyDescription(string cluster, string hostPort) => $"BlinkInfra cluster {cluster}: to {hostPort}";
    public static string EgressDropDescription(string cluster) => $"BlinkInfra cluster {cluster}: nothing but the allowed hosts";
    /// <summary>A host in a resource name: "*." (all subdomains) as "_.", which no host name holds.</summary>
    public static string AllowedHostSuffix(string host) => host.StartsWith("*.", StringComparison.Ordinal) ? "_." + host[2..] : host;
    public static string SnatEntry(string cluster, string source) => $"{cluster}-{source}";
    public static string Cen(string cluster) => $"{cluster}-data";
    public static string CenDescription(string cluster, string tenantVpcId) => $"BlinkInfra cluster {cluster}: its pods to the tenant's VPC {tenantVpcId}";
    public static string TransitRouter(string cluster) => $"{cluster}-data";
    public static string TransitRouterDescription(string cluster) => $"BlinkInfra cluster {cluster}: its VPC and the tenant's";
    public static string TransitRouterAttachment(string cluster, string side) => $"{cluster}-{side}";
    public static readonly string[] AttachmentSides = { "cluster", "tenant" };
    public static string TransitRouterRouteTable(string cluster) => $"{cluster}-data";
    public static string TransitRouterRouteTableDescription(string cluster) => $"BlinkInfra cluster {cluster}: between its VPC and the tenant's";
    public static string RouteToTenant(string cluster) => $"{cluster}-to-tenant";
    public static string RouteToTenantDescription(string cluster, string tenantVpcId) => $"BlinkInfra cluster {cluster}: the tenant's VPC {tenantVpcId} through the transit router";
    public static string RouteToPods(string cluster, string zone) => $"{cluster}-to-pods-{zone}";
    public static string RouteToPodsDescription(string cluster, string zone) => $"BlinkInfra cluster {cluster}: its pods in {zone} through the transit router";
    /// <summary>The session name the stack's provider in the tenant's account assumes its role with.</summary>
    public static string TenantSession(string cluster) => $"{cluster}-blink-infra";

    // Security (infra/Security ClusterSecurity): a group per role.
    public static readonly (string Role, string Purpose)[] SecurityGroups =
    {
        ("masters", "masters of the cluster and their pods: JobManagers and the operator"),
        ("workers", "workers of the cluster and their pods: TaskManagers; and the ACK control plane's ENIs"),
    };
    public static string SecurityGroup(string cluster, string role) => $"{cluster}-{role}";
    public static string SecurityGroupDescription(string cluster, string role)
        => $"BlinkInfra cluster {cluster}: {SecurityGroups.Single(g => g.Role == role).Purpose}";
    /// <summary>The description of the egress rule to a data endpoint.</summary>
    public static string EndpointRuleDescription(string kind, string endpoint) => $"to {kind} {endpoint}";

    // Compute (infra/Compute ClusterCompute): the ACK cluster takes the cluster's name, a node pool its pool's.
    public static string MastersDeploymentSet(string cluster) => $"{cluster}-masters";
    public static string MastersDeploymentSetDescription(string cluster)
        => $"BlinkInfra cluster {cluster}: the master machines (the nodes of the JobManagers and the operator), each on its own server";

    // Engine (infra/Engine FlinkEngine, FlinkResources).
    public static string DefaultBucket(string cluster) => $"{cluster}-flink-state";
    /// <summary>The session cluster of a worker pool in Kubernetes (the FlinkDeployment's name, Flink's cluster id).</summary>
    public static string SessionCluster(string pool) => $"session-{pool}";
    /// <summary>A session cluster's RAM role, trusted by its service account alone: "&lt;cluster&gt;-session-&lt;pool&gt;" (never the operator's "&lt;cluster&gt;-flink-operator").</summary>
    public static string SessionRole(string cluster, string pool) => $"{cluster}-{SessionCluster(pool)}";
    public static string SessionRoleDescription(string cluster, string pool)
        => $"BlinkInfra cluster {cluster}: the Flink session cluster {SessionCluster(pool)}'s access to its own state";
    public static string SessionPolicy(string cluster, string pool) => $"{cluster}-{SessionCluster(pool)}-state";
    public static string SessionPolicyDescription(string cluster, string pool, string bucket)
        => $"BlinkInfra cluster {cluster}: read and write {SessionCluster(pool)}'s checkpoints, savepoints and HA metadata in {bucket}, nothing else";
    public static string OperatorRole(string cluster) => $"{cluster}-flink-operator";
    public static string OperatorRoleDescription(string cluster, string bucket)
        => $"BlinkInfra cluster {cluster}: the Flink operator reads job jars from {bucket}/{FlinkDefaults.UdfPrefix}";
    public static string OperatorPolicy(string cluster) => $"{cluster}-flink-operator-jars";
    /// <summary>The checkpoint cleaner's RAM role and policy (no longer than the operator's role, so no tighter bound on the cluster's name).</summary>
    public static string CleanerRole(string cluster) => $"{cluster}-flink-cleaner";
    public static string CleanerRoleDescription(string cluster)
        => $"BlinkInfra cluster {cluster}: the checkpoint cleaner removes the checkpoints of jobs its session clusters no longer run";
    public static string CleanerPolicy(string cluster) => $"{cluster}-flink-cleaner";
    public static string CleanerPolicyDescription(string cluster, string bucket)
        => $"BlinkInfra cluster {cluster}: list and delete under the session clusters' checkpoints/ directories in {bucket}, nothing else";
    public static string OperatorPolicyDescription(string cluster, string bucket)
        => $"BlinkInfra cluster {cluster}: read job jars under {bucket}/{FlinkDefaults.UdfPrefix}, nothing else";

    // Observability and keys (infra/Observability ClusterLogs, ClusterObservability; infra/Security ClusterKey).
    // The log project's own name is Logging.DefaultProject, checked in Of. Not checked (no limit found, read
    // 2026-11-27): the ARMS alert rules' names (CreatePrometheusAlertRule, AlertName states none), the log
    // project's description, the KMS key's descriptions (CreateKey: up to 8,192 characters).
    public static string AlertRule(string cluster, string alert) => $"{cluster}-{alert}";
    // Who the alerts reach (ClusterObservability): not checked either, no limit found (ARMS CreateAlertContact,
    // CreateAlertContactGroup, CreateDispatchRule, read 2026-12-05). Prefixed with the cluster: contacts are the account's.
    public static string AlertContact(string cluster, string contact) => $"{cluster}-{contact}";
    public static string AlertContactGroup(string cluster) => $"{cluster}-oncall";
    public static string AlertDispatchRule(string cluster) => $"{cluster}-alerts";
    public static string LogProjectDescription(string cluster) => $"BlinkInfra cluster {cluster}: Flink, operator, control-plane and audit logs";
    public static string KmsKeyDescription(string cluster) => $"BlinkInfra cluster {cluster}: Kubernetes Secrets, node disks and the Flink state bucket";
    public static string KmsKeyDeletionProtectionDescription(string cluster) => $"BlinkInfra cluster {cluster}: its API server cannot read Secrets without this key";

    /// <summary>A name or description BlinkInfra derives from the config key given, with the limit of what takes it.</summary>
    public sealed record Derived(string Key, string Given, string Text, NameLimit Limit);

    /// <summary>
    /// Every name and description the stack's resources get from its free-text keys, each with the key it
    /// grows with: the cluster's name (and, for the default bucket, the cluster's name too), each pool's
    /// and each endpoint's name.
    /// </summary>
    public static IEnumerable<Derived> Of(ClusterSpec cluster, NetworkSpec network, ComputeSpec compute, DataAccessSpec dataAccess, EngineSpec engine, bool bucketGiven,
        bool defaultLogProject = false)
    {
        var key = $"{ConfigKeys.Section("cluster")}.name";
        var c = cluster.Name;
        Derived From(string text, NameLimit limit) => new(key, c, text, limit);

        yield return From(c, NameLimits.AckClusterName);
        yield return From(c, NameLimits.TagValue);
        if (defaultLogProject)
            yield return From(Logging.DefaultProject(c), NameLimits.SlsProjectName);
        if (network.ExistingVpcId is null)
        {
            yield return From(Vpc(c), NameLimits.VpcName);
            yield return From(VpcDescription(c), NameLimits.VpcDescription);
        }
        foreach (var zone in network.Zones.Select(z => z.ZoneId))
        {
            foreach (var role in new[] { NodesVswitchRole, PodsVswitchRole })
            {
                yield return From(Vswitch(c, role, zone), NameLimits.VswitchName);
                yield return From(VswitchDescription(c, role, zone), NameLimits.VswitchDescription);
            }
        }
        foreach (var (role, _) in SecurityGroups)
        {
            yield return From(SecurityGroup(c, role), NameLimits.SecurityGroupName);
            yield return From(SecurityGroupDescription(c, role), NameLimits.SecurityGroupDescription);
        }
        if (network.InternetEgress.Enabled)
        {
            yield return From(NatGateway(c), NameLimits.NatGatewayName);
            yield return From(NatGatewayDescription(c), NameLimits.NatGatewayDescription);
            yield return From(Eip(c), NameLimits.EipName);
            yield return From(EipDescription(c), NameLimits.EipDescription);
            foreach (var zone in network.Zones.Select(z => z.ZoneId))
            {
                yield return From(SnatEntry(c, SnatSource(zone, pods: false)), NameLimits.SnatEntryName);
                yield return From(SnatEntry(c, SnatSource(zone, pods: true)), NameLimits.SnatEntryName);
            }
            if (network.InternetEgress.Restricted)
                yield return From(NatFirewall(c), NameLimits.NatFirewallName);
        }
        if (compute.HighAvailability)
        {
            yield return From(MastersDeploymentSet(c), NameLimits.DeploymentSetName);
            yield return From(MastersDeploymentSetDescription(c), NameLimits.DeploymentSetDescription);
        }
        if (!bucketGiven)
            yield return From(DefaultBucket(c), NameLimits.OssBucketName);
        if (!engine.Jobs.IsEmpty)
        {
            yield return From(OperatorRole(c), NameLimits.RamRoleName);
            yield return From(OperatorRoleDescription(c, engine.Bucket), NameLimits.RamRoleDescription);
            yield return From(OperatorPolicy(c), NameLimits.RamPolicyName);
            yield return From(OperatorPolicyDescription(c, engine.Bucket), NameLimits.RamPolicyDescription);
        }
        if (engine.CheckpointCleanup is not null)
        {
            yield return From(CleanerRole(c), NameLimits.RamRoleName);
            yield return From(CleanerRoleDescription(c), NameLimits.RamRoleDescription);
            yield return From(CleanerPolicy(c), NameLimits.RamPolicyName);
            yield return From(CleanerPolicyDescription(c, engine.Bucket), NameLimits.RamPolicyDescription);
        }
        if (dataAccess.CrossAccount is { } cross)
        {
            yield return From(TenantSession(c), NameLimits.StsRoleSessionName);
            yield return From(Cen(c), NameLimits.CenName);
            yield return From(CenDescription(c, cross.VpcId), NameLimits.CenDescription);
            yield return From(TransitRouter(c), NameLimits.CenName);
            yield return From(TransitRouterDescription(c), NameLimits.CenDescription);
            foreach (var side in AttachmentSides)
                yield return From(TransitRouterAttachment(c, side), NameLimits.CenName);
            yield return From(TransitRouterRouteTable(c), NameLimits.CenName);
            yield return From(TransitRouterRouteTableDescription(c), NameLimits.CenDescription);
            yield return From(RouteToTenant(c), NameLimits.RouteEntryName);
            yield return From(RouteToTenantDescription(c, cross.VpcId), NameLimits.RouteEntryDescription);
            foreach (var zone in network.Zones.Select(z => z.ZoneId))
            {
                yield return From(RouteToPods(c, zone), NameLimits.RouteEntryName);
                yield return From(RouteToPodsDescription(c, zone), NameLimits.RouteEntryDescription);
            }
        }

        // Each worker pool: its ACK node pool, the label its nodes carry, its session cluster.
        for (var i = 0; i < compute.WorkerPools.Length; i++)
        {
            var pool = compute.WorkerPools[i].Name;
            var poolKey = $"{ConfigKeys.Section("compute")}.workerPools[{i}].name";
            yield return new Derived(poolKey, pool, pool, NameLimits.AckNodePoolName);
            yield return new Derived(poolKey, pool, pool, NameLimits.KubernetesLabelValue);
            yield return new Derived(poolKey, pool, SessionCluster(pool), NameLimits.FlinkClusterId);
            // The session's RAM role and policy ("<cluster>-session-<pool>") are said on the cluster's name, as every name it
            // prefixes: the pool's own limit (its session cluster's, 37) is the tighter for any cluster name of 18 or fewer.
            yield return From(SessionRole(c, pool), NameLimits.RamRoleName);
            yield return From(SessionRoleDescription(c, pool), NameLimits.RamRoleDescription);
            yield return From(SessionPolicy(c, pool), NameLimits.RamPolicyName);
            yield return From(SessionPolicyDescription(c, pool, engine.Bucket), NameLimits.RamPolicyDescription);
        }

        // Each data endpoint: the egress rule to it describes it.
        for (var i = 0; i < dataAccess.Endpoints.Length; i++)
        {
            var endpoint = dataAccess.Endpoints[i];
            yield return new Derived($"{ConfigKeys.Section("dataAccess")}.endpoints[{i}].name", endpoint.Name,
                EndpointRuleDescription(endpoint.Kind, endpoint.Name), NameLimits.SecurityGroupRuleDescription);
        }
    }

    /// <summary>
    /// One error per key whose derived names do not all fit: the one that leaves the key least room,
    /// with how long the key may be for it to fit.
    /// </summary>
    public static IEnumerable<SpecError> Check(IEnumerable<Derived> derived)
    {
        foreach (var byKey in derived.GroupBy(d => d.Key, StringComparer.Ordinal))
        {
            var failing = byKey
                .Select(d => (Derived: d, Problem: d.Limit.ProblemWith(d.Text)))
                .Where(f => f.Problem is not null)
                .OrderBy(f => f.Derived.Limit.MaxLength - (f.Derived.Text.Length - f.Derived.Given.Length))
                .ToList();
            if (failing.Count == 0)
                continue;
            var (d, problem) = failing[0];
            var itself = d.Text == d.Given;
            var room = d.Limit.MaxLength - (d.Text.Length - d.Given.Length);
            var what = itself
                ? $"{d.Limit.What} is this value and has {problem}"
                : $"{d.Limit.What} BlinkInfra derives from it, \"{d.Text}\", has {problem}";
            var fits = itself || d.Given.Length <= room ? "" : $"; so at most {Math.Max(room, 0)} characters here";
            yield return new SpecError(DiagnosticCatalogue.NameTooLong, d.Key, d.Given, $"{what}; allowed: {d.Limit.Allowed} ({d.Limit.Source}, infra/Facts/NameLimits.cs){fits}");
        }
    }
}
