using System;
using System.Globalization;
using System.IO;
using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Stacks;

namespace BlinkInfra.Cli;

/// <summary>
/// `./blink catalog`: what a stack may name, read from the facts (infra/Facts): the regions with the
/// billing modes they are sold in and their zones, the instance families and types with the CU a worker
/// of each offers, where each family is offered zone by zone (or that it is not confirmed), and the
/// master sizes by the CU they serve.
/// </summary>
public static class Catalog
{
    public static void Write(TextWriter writer, string? region = null, InstanceAvailability.Table? availability = null)
    {
        availability ??= InstanceAvailability.Known;
        var regions = AlibabaCloud.RegionsFor(BillingMode.Subscription);
        if (region is not null && !regions.Contains(region))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--region \"{region}\" is not a region of the catalogue; allowed: {string.Join(", ", regions)}");

        writer.Write("Regions (blink-infra:cluster.region), the billing they are sold with, and their zones (blink-infra:network.zones):\n");
        foreach (var name in regions.Where(r => region is null || r == region))
        {
            var billing = AlibabaCloud.BillingModes.Where(b => AlibabaCloud.RegionsFor(b.Mode).Contains(name)).Select(b => b.Name);
            writer.Write($"  {name,-16}{string.Join(", ", billing)}\n");
            writer.Write($"    zones: {string.Join(", ", AlibabaCloud.ZonesOf(name))}\n");
        }

        writer.Write("\nInstance families (workerPools[].family) and types (instanceTypes), with the CU one worker offers\n");
        writer.Write($"(1 CU = {ComputeUnits.CoresPerCu} core and {ComputeUnits.MemoryGiBPerCu} GiB, once the system has its share; a type of 0 CU cannot be a worker):\n");
        var typeWidth = InstanceCatalog.Types.Max(t => t.Name.Length);
        foreach (var family in InstanceCatalog.Families)
        {
            writer.Write($"  {family.Name,-6}{family.Kind.ToString().ToLowerInvariant(),-6}{family.Description}\n");
            foreach (var type in InstanceCatalog.TypesOf(family.Name))
            {
                var accelerators = type.Accelerators > 0 ? $"  {type.Accelerators} x {type.AcceleratorModel}" : "";
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"    {type.Name.PadRight(typeWidth)}  {type.Cores,3} cores {type.MemoryGiB,4} GiB  {type.ComputeUnitCount,3} CU{accelerators}\n"));
            }
        }

        writer.Write($"\nWhere each family is offered, zone by zone (infra/Facts/InstanceAvailability.cs, read {InstanceAvailability.Read}):\n");
        foreach (var name in regions.Where(r => region is null || r == region))
        {
            var unconfirmed = new System.Collections.Generic.List<string>();
            foreach (var family in InstanceCatalog.Families)
            {
                if (availability.RowOf(name, family.Name) is { } row)
                    writer.Write($"  {name,-16}{family.Name,-6}{(row.Zones.IsEmpty ? "no zone" : string.Join(", ", row.Zones))} ({row.Source}, read {row.Read})\n");
                else
                    unconfirmed.Add(family.Name);
            }
            if (unconfirmed.Count > 0)
                writer.Write($"  {name,-16}not confirmed: {string.Join(", ", unconfirmed)}\n");
        }
        writer.Write($"  (not confirmed: {InstanceAvailability.WhyUnconfirmed}; before planning a pool in a zone, ask: "
                     + $"{InstanceAvailability.RefreshCommand("<region>", "<type>", "PostPaid|PrePaid")})\n");

        writer.Write("\nMaster machines (compute.masters.instanceType, a g7, c7 or r7 type) by the pools' total CU they serve:\n");
        foreach (var step in ComputeUnits.MasterLadder)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"  {step.Cores,2} cores {step.MemoryGiB,3} GiB  {(step.MaxComputeUnits is { } max ? $"up to {max} CU" : "any more")}\n"));
    }
}
