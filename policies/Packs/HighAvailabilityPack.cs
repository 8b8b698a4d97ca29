using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Facts;
using BlinkInfra.Config;
using BlinkInfra.Engine;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-ha: in HA mode, three masters in three zones and JobManager HA on the state bucket.</summary>
public static class HighAvailabilityPack
{
    public const string Name = "blink-ha";

    /// <summary>The pack's policies, each at its default level.</summary>
    public static PolicyPack Create() => new(Name, "1.0.0", ImmutableArray.Create<Policy>(
        ThreeMastersThreeZones(),
        JobmanagerHaOnBucket()));

    /// <summary>three-masters-three-zones: In HA mode the stack has 3 masters in 3 distinct zones.</summary>
    public static StackPolicy ThreeMastersThreeZones(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("three-masters-three-zones", "In HA mode the stack has 3 masters in 3 distinct zones.", level, input =>
        {
            if (input.Settings.HighAvailability is not true)
                return Enumerable.Empty<(PlannedResource?, string)>();
            var masters = input.OfType(TypeTokens.Of<Pulumi.AliCloud.Ecs.Instance>())
                .Where(m => m.At("tags", NodeRoles.RoleLabel)?.GetValue<string>() == NodeRoles.MasterRole).ToList();
            var zones = masters.Select(m => m.Text("availabilityZone")).Distinct().Count();
            return masters.Count == ComputeUnits.HighAvailabilityMasters && zones == ComputeUnits.HighAvailabilityMasters
                ? Enumerable.Empty<(PlannedResource?, string)>()
                : new[] { ((PlannedResource?)null, $"high availability has {masters.Count} master(s) in {zones} zone(s); allowed: 3 masters in 3 distinct zones") };
        });

    /// <summary>jobmanager-ha-on-bucket: In HA mode every session cluster runs Kubernetes HA with its storage on the state bucket and a standby JobManager.</summary>
    public static ResourcePolicy JobmanagerHaOnBucket(EnforcementLevel level = EnforcementLevel.Mandatory)
        => new("jobmanager-ha-on-bucket", "In HA mode every session cluster runs Kubernetes HA with its storage on the state bucket and a standby JobManager.", level,
            ImmutableArray.Create(FlinkResources.DeploymentType), (deployment, input) =>
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
                if (deployment.At("spec", "jobManager", "replicas")?.GetValue<long>() is not > 1)
                    problems.Add("one JobManager only; allowed: 2 or more");
                return problems;
            });
}
