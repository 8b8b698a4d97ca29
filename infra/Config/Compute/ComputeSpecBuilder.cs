using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// Turns a validated compute config into the compute spec: pool sizes (CU into nodes), the cluster's
/// CU total, the master size (given, or from the CU ladder), master zones, and the Service CIDR. The
/// checks that span several keys happen here, each error naming the key it is about.
/// </summary>
public static class ComputeSpecBuilder
{
    private static string Key(string path) => $"{ConfigKeys.Section("compute")}.{path}";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Autoscaling pools only on pay-as-you-go: on scale-in ACK removes subscription (PrePaid) nodes
    /// from the cluster but does not release them, so they stay billed until someone releases them in
    /// the ECS console (ACK, "Enable node auto scaling": "subscription instances will be removed but not
    /// released"; RemoveNodePoolNodes: "subscription nodes are not released").
    /// </summary>
    private static void CheckAutoscalingBilling(ComputeSpec compute, BillingMode billing, List<SpecError> errors)
    {
        if (billing != BillingMode.Subscription)
            return;
        for (var i = 0; i < compute.WorkerPools.Length; i++)
        {
            var pool = compute.WorkerPools[i];
            if (!pool.Size.Autoscaling)
                continue;
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, Key($"workerPools[{i}].maxNodes"), Text(pool.Size.MaxNodes),
                $"pool {pool.Name} autoscales on subscription billing (blink-infra:cluster.billing), whose machines ACK removes on scale-in but does not release, so they stay billed; allowed: a fixed size (nodes or computeUnits) with subscription billing, or autoscaling with pay-as-you-go"));
        }
    }

    /// <summary>
    /// The compute spec of a validated config, on the context's network, avoiding with the Service CIDR what the cluster
    /// must reach outside its VPC (<see cref="SpecContext.Reached"/>); autoscaling pools are refused on subscription billing.
    /// </summary>
    public static ComputeSpec? Build(ComputeConfig compute, SpecContext context)
    {
        if (context.Network is not { } network)
            return null;
        var spec = Build(compute, network, context.Reached, context.Errors);
        if (spec is not null)
            CheckAutoscalingBilling(spec, context.Billing, context.Errors);
        return spec;
    }

    private static ComputeSpec? Build(ComputeConfig compute, NetworkSpec network, IReadOnlyList<(string What, IPNetwork2 Block)> reached, List<SpecError> errors)
    {
        var errorCount = errors.Count;
        var highAvailability = compute.HighAvailability ?? true;
        var zones = network.Zones.Select(z => z.ZoneId).ToImmutableArray();
        var masterCount = highAvailability ? ComputeUnits.HighAvailabilityMasters : 1;
        if (zones.Length < masterCount)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, $"{ConfigKeys.Section("network")}.zones", "[" + string.Join(", ", zones) + "]",
                $"{Key("highAvailability")} is true: its {masterCount} masters need {masterCount} distinct zones; allowed: {masterCount} or more zones, or highAvailability: false"));
        }

        var pools = compute.WorkerPools.Select(pool => WorkerPoolSpec.From(pool, zones)).ToImmutableArray();
        // Sums in long: each pool's count is bounded by its validator, but a sum of several is not an int's business.
        var minWorkers = pools.Sum(p => (long)p.Size.MinNodes);
        var maxWorkers = pools.Sum(p => (long)p.Size.MaxNodes);
        var poolNames = "[" + string.Join(", ", pools.Select(p => p.Name)) + "]";
        if (minWorkers < ComputeUnits.MinWorkers || maxWorkers > ComputeUnits.MaxWorkers)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.OutOfRange, Key("workerPools"), poolNames,
                $"the pools have {(maxWorkers > ComputeUnits.MaxWorkers ? $"up to {maxWorkers}" : $"as few as {minWorkers}")} workers; allowed: {ComputeUnits.MinWorkers} to {ComputeUnits.MaxWorkers} workers in total"));
            // Nothing below means anything for a cluster that cannot exist.
            return null;
        }

        var totalCu = ComputeSpec.TotalComputeUnitsOf(pools);
        var masters = BuildMasters(compute.Masters, totalCu, zones.Take(masterCount).ToImmutableArray(), errors);
        VswitchCapacity.Check(pools, network, zones.Take(masterCount).ToImmutableArray(), errors);
        var kubernetes = BuildKubernetes(compute.Kubernetes, network, reached, errors);

        return errors.Count > errorCount ? null : new ComputeSpec(highAvailability, kubernetes!, masters!, pools);
    }

    private static MasterSpec? BuildMasters(MastersConfig? masters, int? totalCu, ImmutableArray<string> zones, List<SpecError> errors)
    {
        // No image: ACK's own for the pool (Alibaba Cloud Linux 3).
        var imageId = masters?.ImageId;
        if (masters?.InstanceType is { } given)
        {
            if (InstanceCatalog.Type(given) is { } known && totalCu is { } needed)
            {
                var served = ComputeUnits.StepOf(known.Cores, known.MemoryGiB);
                if (served is null || !served.Serves(needed))
                {
                    var step = ComputeUnits.MasterFor(needed);
                    errors.Add(new SpecError(DiagnosticCatalogue.OutOfRange, Key("masters.instanceType"), given,
                        $"{given} ({known.Cores} cores, {known.MemoryGiB} GiB) serves up to {served?.MaxComputeUnits ?? 0} CU but the worker pools total {needed} CU; allowed: a master of at least {step.Cores} cores and {step.MemoryGiB} GiB"));
                    return null;
                }
            }
            return new MasterSpec(given, imageId, zones);
        }

        if (totalCu is not { } total)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.MissingRequired, Key("masters.instanceType"), null,
                "a pool uses trusted instance types whose size BlinkInfra does not know, so the master size cannot be derived from the CU ladder; allowed: a master instance type such as ecs.g7.2xlarge"));
            return null;
        }

        var ladderStep = ComputeUnits.MasterFor(total);
        var type = InstanceCatalog.TypesOf(ClusterDefaults.MasterFamily)
            .First(t => t.Cores == ladderStep.Cores && t.MemoryGiB == ladderStep.MemoryGiB);
        return new MasterSpec(type.Name, imageId, zones);
    }

    /// <summary>nftables on Kubernetes 1.35 and later (the default version, or none pinned), ipvs on an older pinned one, where ACK creates no nftables.</summary>
    public static string DefaultProxyMode(KubernetesVersionValue? version)
        => version is null || version.Minor >= ClusterDefaults.NftablesSince ? ClusterDefaults.DefaultProxyMode : "ipvs";

    private static KubernetesSpec? BuildKubernetes(KubernetesConfig? kubernetes, NetworkSpec network, IReadOnlyList<(string What, IPNetwork2 Block)> reached, List<SpecError> errors)
    {
        // Nodes route Service addresses to Services, so the Service CIDR overlaps nothing the cluster
        // must reach: its VPC (the node and pod vSwitches lie inside it) and the data endpoints.
        var avoided = new[] { (What: "the VPC's", Block: network.VpcCidrBlock) }
            .Concat(reached)
            .ToList();
        string? ClashOf(IPNetwork2 block)
        {
            var clash = avoided.FirstOrDefault(a => a.Block.Overlap(block));
            return clash.What is null ? null : $"{clash.What} {clash.Block}";
        }
        var free = KnownBlocks.ServiceCidrCandidates.FirstOrDefault(candidate => ClashOf(candidate) is null);

        IPNetwork2 serviceCidr;
        if (kubernetes?.ServiceCidr is { } given)
        {
            if (ClashOf(given.Block!) is { } clash)
            {
                errors.Add(new SpecError(DiagnosticCatalogue.BlocksOverlap, Key("kubernetes.serviceCidr"), given.Text,
                    $"overlaps {clash}, which the cluster must reach; allowed: a block outside it{(free is null ? "" : $", such as {free}")}"));
                return null;
            }
            serviceCidr = given.Block!;
        }
        else if (free is null)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.MissingRequired, Key("kubernetes.serviceCidr"), null,
                $"every default Service CIDR ({string.Join(", ", ClusterDefaults.ServiceCidrCandidates)}) overlaps the VPC or a data endpoint; allowed: a /{ClusterDefaults.ServiceCidrMinPrefixLength} to /{ClusterDefaults.ServiceCidrMaxPrefixLength} block inside {string.Join(", ", ClusterDefaults.ServiceCidrRanges)} that overlaps neither"));
            return null;
        }
        else
        {
            serviceCidr = free;
        }

        return new KubernetesSpec(kubernetes?.ClusterSpec ?? ClusterDefaults.ClusterSpec, kubernetes?.Version?.Text ?? ClusterDefaults.KubernetesVersion, serviceCidr,
            kubernetes?.ApiServerPublic ?? false, kubernetes?.DeletionProtection ?? true, kubernetes?.ProxyMode ?? DefaultProxyMode(kubernetes?.Version));
    }
}
