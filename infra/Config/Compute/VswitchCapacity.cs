using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// Whether the network's vSwitches hold the addresses the compute needs: every machine takes an
/// address of its zone's node vSwitch, and with Terway every pod takes one of its zone's pod vSwitch,
/// so a pool's largest size must fit in the vSwitches of its zones (less the addresses Alibaba Cloud
/// reserves in each, <see cref="AlibabaCloud.VswitchReservedAddresses"/>, and the masters'), and at
/// least one pod address per worker (its TaskManager) must be there too. ACK may put all of a
/// pool's machines in one of its zones, so the check is the sum over the pool's zones, the most that
/// could ever fit, and the cluster's total over all zones.
/// </summary>
public static class VswitchCapacity
{
    public static void Check(ImmutableArray<WorkerPoolSpec> pools, NetworkSpec network, ImmutableArray<string> masterZones, List<SpecError> errors)
    {
        var zones = network.Zones.ToDictionary(z => z.ZoneId);
        long Usable(IPNetwork2 block) => AlibabaCloud.UsableAddresses(block.Cidr);
        string Blocks(IEnumerable<string> zoneIds, bool pods)
            => string.Join(", ", zoneIds.Where(zones.ContainsKey).Select(z => $"{z} {(pods ? zones[z].PodCidrBlock : zones[z].CidrBlock)}"));

        for (var i = 0; i < pools.Length; i++)
        {
            var pool = pools[i];
            var poolZones = pool.Zones.Where(zones.ContainsKey).ToList();
            var key = $"{ConfigKeys.Section("compute")}.workerPools[{i}]";
            var nodeRoom = poolZones.Sum(z => Usable(zones[z].CidrBlock)) - masterZones.Count(poolZones.Contains);
            if (pool.Size.MaxNodes > nodeRoom)
            {
                errors.Add(new SpecError(DiagnosticCatalogue.NotEnoughAddresses, key, $"{pool.Name}: up to {pool.Size.MaxNodes} nodes",
                    $"the node vSwitches of its zones ({Blocks(poolZones, pods: false)}) hold {nodeRoom} machines (each less the {AlibabaCloud.VswitchReservedAddresses} addresses Alibaba Cloud reserves, and less the masters); allowed: at most {nodeRoom} nodes, or larger vSwitches (blink-infra:network.vswitchPrefixLength or zones[].cidrBlock)"));
            }
            var podRoom = poolZones.Sum(z => Usable(zones[z].PodCidrBlock));
            if (pool.Size.MaxNodes > podRoom)
            {
                errors.Add(new SpecError(DiagnosticCatalogue.NotEnoughAddresses, key, $"{pool.Name}: up to {pool.Size.MaxNodes} nodes",
                    $"Terway gives each pod an address of its zone's pod vSwitch, and the pod vSwitches of its zones ({Blocks(poolZones, pods: true)}) hold {podRoom}, fewer than one TaskManager per node; allowed: at most {podRoom} nodes, or larger pod vSwitches (blink-infra:network.podVswitchPrefixLength or zones[].podCidrBlock)"));
            }
        }

        var allZones = network.Zones.Select(z => z.ZoneId).ToList();
        var workers = pools.Sum(p => (long)p.Size.MaxNodes);
        var machines = workers + masterZones.Length;
        var clusterRoom = network.Zones.Sum(z => Usable(z.CidrBlock));
        if (machines > clusterRoom)
        {
            errors.Add(new SpecError(DiagnosticCatalogue.NotEnoughAddresses, $"{ConfigKeys.Section("network")}.zones", $"{machines} machines",
                $"the node vSwitches ({Blocks(allZones, pods: false)}) hold {clusterRoom} machines in all and the cluster has up to {workers} workers and {masterZones.Length} master(s); allowed: larger vSwitches (blink-infra:network.vswitchPrefixLength), more zones, or fewer workers"));
        }
    }
}
