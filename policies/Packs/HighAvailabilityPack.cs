using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-ha: in HA mode, three masters in three zones and JobManager HA on the state bucket; the masters' pool never repaired by ACK on its own.</summary>
public static class HighAvailabilityPack
{
    public const string Name = "blink-ha";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        ThreeMastersThreeZones(),
        JobmanagerHaOnBucket(),
        HaMetadataReadableThroughRrsa(),
        MastersPoolNotAutoRepaired()));

    /// <summary>three-masters-three-zones: In HA mode the master machines are 3 nodes spread over 3 zones, each on its own server.</summary>
    // The masters pool's vSwitches are the network's node vSwitches, one per zone: distinct vSwitches are
    // distinct zones. BALANCE spreads the nodes evenly over them; a deployment set with the Availability
    // strategy puts each on its own physical server.
    public static StackPolicy ThreeMastersThreeZones(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.ThreeMastersThreeZones, level, input =>
        {
            if (input.Settings.HighAvailability is not true)
                return Enumerable.Empty<(PlannedResource?, string)>();
            var pools = input.OfType(TypeTokens.AliCloud.CS.NodePool)
                .Where(p => p.Objects("labels").Any(l => l.Field("key") == NodeRoles.RoleLabel && l.Field("value") == NodeRoles.MasterRole)).ToList();
            if (pools.Count != 1)
                return new[] { ((PlannedResource?)null, $"high availability has {pools.Count} master pool(s); allowed: one node pool labelled {NodeRoles.RoleLabel}={NodeRoles.MasterRole}") };
            var pool = pools[0];
            var nodes = pool.Text("desiredSize") ?? "(none)";
            var zones = pool.Texts("vswitchIds").Distinct().Count();
            var problems = new List<string>();
            if (nodes != ComputeUnits.HighAvailabilityMasters.ToString(System.Globalization.CultureInfo.InvariantCulture) || zones != ComputeUnits.HighAvailabilityMasters)
                problems.Add($"high availability has {nodes} master(s) over {zones} zone(s); allowed: desiredSize 3 over 3 vSwitches of distinct zones");
            if (pool.Text("multiAzPolicy") != ClusterDefaults.BalancedAcrossZones)
                problems.Add($"multiAzPolicy {pool.Text("multiAzPolicy") ?? "(none)"} may place masters in one zone; allowed: {ClusterDefaults.BalancedAcrossZones}");
            if (pool.Text("deploymentSetId") is null)
                problems.Add("no deployment set, so masters may share a physical server; allowed: deploymentSetId of a set with the Availability strategy");
            return problems.Select(p => ((PlannedResource?)pool, p));
        });

    /// <summary>jobmanager-ha-on-bucket: In HA mode every session cluster runs Kubernetes HA with its storage on the state bucket, with a standby JobManager unless it hosts session jobs, which need exactly one.</summary>
    // A session cluster hosting FlinkSessionJobs runs one JobManager: the operator uploads a job's jar and runs it in two
    // requests through the one rest Service, and only the JobManager that received the jar has it (FlinkDefaults
    // SessionJobsNeedOneJobManager); Kubernetes HA restarts that one from the bucket.
    public static StackPolicy JobmanagerHaOnBucket(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.JobmanagerHaOnBucket, level,
            ImmutableArray.Create(FlinkDefaults.DeploymentType), (deployment, input) =>
            {
                if (input.Settings.HighAvailability is not true)
                    return Array.Empty<string>();
                var problems = new List<string>();
                var configuration = deployment.At("spec", "flinkConfiguration");
                if (configuration?["high-availability.type"]?.GetValue<string>() != "kubernetes")
                    problems.Add("high-availability.type is not kubernetes; allowed: kubernetes");
                var storage = configuration?["high-availability.storageDir"]?.GetValue<string>();
                if (storage is null || input.Settings.StateBucket is not { } bucket || !storage.StartsWith($"oss://{bucket}/", StringComparison.Ordinal))
                    problems.Add($"high-availability.storageDir {storage ?? "(none)"} is not on the state bucket; allowed: oss://{input.Settings.StateBucket}/...");
                var name = deployment.At("metadata", "name")?.GetValue<string>();
                var jobs = input.OfType(FlinkDefaults.SessionJobType)
                    .Where(job => name != null && job.At("spec", "deploymentName")?.GetValue<string>() == name)
                    .Select(job => job.At("metadata", "name")?.GetValue<string>() ?? job.Name).ToList();
                var replicas = deployment.At("spec", "jobManager", "replicas")?.GetValue<long>();
                if (jobs.Count > 0 && replicas is not 1)
                    problems.Add($"{replicas?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} JobManagers for session jobs ({string.Join(", ", jobs)}): the operator uploads a job's jar and runs it in two requests through the rest Service, and a JobManager that did not receive the jar fails the run; allowed: 1 (Kubernetes HA restarts it from the bucket)");
                else if (jobs.Count == 0 && replicas is not > 1)
                    problems.Add("one JobManager only; allowed: 2 or more");
                return problems;
            });

    /// <summary>ha-metadata-readable-through-rrsa: In HA mode every session cluster runs an image that can read its HA metadata on the bucket through RRSA.</summary>
    // Stock Flink 1.20's OSS filesystem reads access keys only (FLINK-38987): its JobManagers fail on
    // high-availability.storageDir and never start. What is advice without HA is a broken cluster with it.
    public static StackPolicy HaMetadataReadableThroughRrsa(EnforcementLevel level = EnforcementLevel.Mandatory)
        => StackPolicy.OnEach(DiagnosticCatalogue.HaMetadataReadableThroughRrsa, level,
            ImmutableArray.Create(FlinkDefaults.DeploymentType), (deployment, input) =>
            {
                if (input.Settings.HighAvailability is not true || deployment.At("spec", "flinkConfiguration", "high-availability.storageDir") is null)
                    return Array.Empty<string>();
                var image = deployment.At("spec", "image")?.GetValue<string>() ?? "(none)";
                var provider = deployment.At("spec", "flinkConfiguration", FlinkDefaults.OssCredentialsProvider)?.GetValue<string>();
                if (!FlinkDefaults.IsStockImage(image) && provider is not null)
                    return Array.Empty<string>();
                var why = FlinkDefaults.IsStockImage(image)
                    ? $"the stock image {image} cannot read OSS with RRSA credentials (FLINK-38987)"
                    : $"no {FlinkDefaults.OssCredentialsProvider} is set, so Flink's OSS filesystem looks for access keys";
                return new[] { $"{why}, so the JobManagers fail on high-availability.storageDir and never start; allowed: blink-infra:engine.image with an RRSA-capable credentials provider (images/flink-rrsa/), named in blink-infra:engine.flinkConfiguration {FlinkDefaults.OssCredentialsProvider}" };
            });

    /// <summary>masters-pool-not-auto-repaired: ACK does not repair the master machines' pool on its own: a repair drains the node of a JobManager and the operator.</summary>
    // ACK's node auto-repair (terraform-provider-alicloud v1.285.0, alicloud_cs_kubernetes_node_pool management.auto_repair,
    // effective with management.enable) drains a node it finds unhealthy, then restarts or replaces it, at a time of its
    // choosing within the maintenance window: on a master that stops a JobManager (a failover with HA, the session
    // cluster's jobs down without) and the operator. The masters are repaired by hand, in a planned window.
    public static ResourcePolicy MastersPoolNotAutoRepaired(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new(DiagnosticCatalogue.MastersPoolNotAutoRepaired, level,
            ImmutableArray.Create(TypeTokens.AliCloud.CS.NodePool), pool =>
            {
                if (!pool.Objects("labels").Any(l => l.Field("key") == NodeRoles.RoleLabel && l.Field("value") == NodeRoles.MasterRole))
                    return Array.Empty<string>();
                var enabled = Inputs.Flag(pool.At("management", "enable"));
                var autoRepair = Inputs.Flag(pool.At("management", "autoRepair"));
                return enabled is true && autoRepair is true
                    ? new[] { "the masters' pool is auto-repaired: ACK would drain a JobManager's and the operator's node on its own; allowed: management.autoRepair false (blink-infra:maintenance.masters.autoRepair: false)" }
                    : Array.Empty<string>();
            });
}
