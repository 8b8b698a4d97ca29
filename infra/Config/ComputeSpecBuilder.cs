using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;
using BlinkInfra.Network;

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

    public static ComputeSpec? Build(ComputeConfig compute, NetworkSpec network, List<SpecError> errors)
    {
        var errorCount = errors.Count;
        var highAvailability = compute.HighAvailability ?? true;
        var zones = network.Zones.Select(z => z.ZoneId).ToImmutableArray();
        var masterCount = highAvailability ? ComputeUnits.HighAvailabilityMasters : 1;
        if (zones.Length < masterCount)
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("network")}.zones", "[" + string.Join(", ", zones) + "]",
                $"{Key("highAvailability")} is true: its {masterCount} masters need {masterCount} distinct zones; allowed: {masterCount} or more zones, or highAvailability: false"));
        }

        var pools = compute.WorkerPools.Select((pool, i) => BuildPool(pool, i, zones)).ToImmutableArray();
        var minWorkers = pools.Sum(p => p.Size.MinNodes);
        var maxWorkers = pools.Sum(p => p.Size.MaxNodes);
        var poolNames = "[" + string.Join(", ", pools.Select(p => p.Name)) + "]";
        if (minWorkers < ComputeUnits.MinWorkers || maxWorkers > ComputeUnits.MaxWorkers)
        {
            errors.Add(new SpecError(Key("workerPools"), poolNames,
                $"the pools have {(maxWorkers > ComputeUnits.MaxWorkers ? $"up to {maxWorkers}" : $"as few as {minWorkers}")} workers; allowed: {ComputeUnits.MinWorkers} to {ComputeUnits.MaxWorkers} workers in total"));
        }

        int? totalCu = pools.All(p => p.ComputeUnitsPerNode != null) ? pools.Sum(p => p.Size.MaxNodes * p.ComputeUnitsPerNode!.Value) : null;
        var masters = BuildMasters(compute.Masters, totalCu, poolNames, zones.Take(masterCount).ToImmutableArray(), errors);
        var kubernetes = BuildKubernetes(compute.Kubernetes, network, errors);

        return errors.Count > errorCount ? null : new ComputeSpec(highAvailability, kubernetes!, masters!, pools, totalCu);
    }

    private static WorkerPoolSpec BuildPool(WorkerPoolConfig pool, int index, ImmutableArray<string> clusterZones)
    {
        var kind = ComputeFacts.KindOf(pool)!.Value;
        var knownTypes = pool.InstanceTypes.Select(InstanceCatalog.Type).ToList();
        // Sized by the smallest type, so the pool has at least its CU whichever type ACK launches.
        int? cuPerNode = knownTypes.All(t => t != null) ? knownTypes.Min(t => t!.ComputeUnitCount) : null;

        PoolSize size;
        if (pool.ComputeUnits is { } cus)
        {
            var nodes = (int)Math.Ceiling(cus / (double)cuPerNode!.Value);
            size = new PoolSize(nodes, nodes, Autoscaling: false, RequestedComputeUnits: cus);
        }
        else if (pool.Nodes is { } nodes)
        {
            size = new PoolSize(nodes, nodes, Autoscaling: false, RequestedComputeUnits: null);
        }
        else
        {
            size = new PoolSize(pool.MinNodes!.Value, pool.MaxNodes!.Value, Autoscaling: true, RequestedComputeUnits: null);
        }

        return new WorkerPoolSpec(
            pool.Name!,
            pool.Family!,
            kind,
            pool.InstanceTypes.ToImmutableArray(),
            size,
            pool.Zones.Count > 0 ? pool.Zones.ToImmutableArray() : clusterZones,
            pool.GpuDriverVersion,
            pool.ImageId,
            cuPerNode);
    }

    private static MasterSpec? BuildMasters(MastersConfig? masters, int? totalCu, string poolNames, ImmutableArray<string> zones, List<SpecError> errors)
    {
        // No image: ACK's own for the pool (Alibaba Cloud Linux 3).
        var imageId = masters?.ImageId;
        if (masters?.InstanceType is { } given)
        {
            if (InstanceCatalog.Type(given) is { } known && totalCu is { } needed)
            {
                var served = ComputeUnits.ServedBy(known.Cores, known.MemoryGiB);
                if (served < needed)
                {
                    var step = ComputeUnits.MasterFor(needed);
                    errors.Add(new SpecError(Key("masters.instanceType"), given, step is null
                        ? $"the worker pools total {needed} CU, more than any master serves; allowed: pools of at most {ComputeUnits.MaxClusterComputeUnits} CU in total"
                        : $"{given} ({known.Cores} cores, {known.MemoryGiB} GiB) serves up to {served} CU but the worker pools total {needed} CU; allowed: a master of at least {step.Cores} cores and {step.MemoryGiB} GiB"));
                    return null;
                }
            }
            return new MasterSpec(given, imageId, zones, SizedByLadder: false);
        }

        if (totalCu is not { } total)
        {
            errors.Add(new SpecError(Key("masters.instanceType"), null,
                "a pool uses trusted instance types whose size BlinkInfra does not know, so the master size cannot be derived from the CU ladder; allowed: a master instance type such as ecs.g7.2xlarge"));
            return null;
        }

        if (ComputeUnits.MasterFor(total) is not { } ladderStep)
        {
            errors.Add(new SpecError(Key("workerPools"), poolNames,
                $"the pools total {total} CU but one master serves at most {ComputeUnits.MaxClusterComputeUnits} CU; allowed: at most {ComputeUnits.MaxClusterComputeUnits} CU in total"));
            return null;
        }

        var type = InstanceCatalog.TypesOf(ClusterDefaults.MasterFamily)
            .First(t => t.Cores == ladderStep.Cores && t.MemoryGiB == ladderStep.MemoryGiB);
        return new MasterSpec(type.Name, imageId, zones, SizedByLadder: true);
    }

    private static KubernetesSpec? BuildKubernetes(KubernetesConfig? kubernetes, NetworkSpec network, List<SpecError> errors)
    {
        var vpc = IPNetwork2.Parse(network.VpcCidrBlock);
        string serviceCidr;
        if (kubernetes?.ServiceCidr is { } given)
        {
            if (IPNetwork2.Parse(given).Overlap(vpc))
            {
                errors.Add(new SpecError(Key("kubernetes.serviceCidr"), given,
                    $"overlaps the VPC's {vpc}; allowed: a block outside it, such as {ClusterDefaults.ServiceCidrCandidates.First(c => !IPNetwork2.Parse(c).Overlap(vpc))}"));
                return null;
            }
            serviceCidr = given;
        }
        else
        {
            serviceCidr = ClusterDefaults.ServiceCidrCandidates.First(candidate => !IPNetwork2.Parse(candidate).Overlap(vpc));
        }

        return new KubernetesSpec(kubernetes?.ClusterSpec ?? ClusterDefaults.ClusterSpec, kubernetes?.Version ?? ClusterDefaults.KubernetesVersion, serviceCidr,
            kubernetes?.ApiServerPublic ?? false, kubernetes?.DeletionProtection ?? true);
    }
}
