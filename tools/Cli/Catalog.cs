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
            WriteAvailability(writer, name, availability);
        writer.Write($"  (not confirmed: {InstanceAvailability.WhyUnconfirmed}; with an account, ask: "
                     + $"{InstanceAvailability.RefreshCommand("<region>", "PostPaid|PrePaid")} > answer.json, and record the answer: "
                     + $"{InstanceAvailability.ImportCommand("answer.json", "PostPaid|PrePaid")})\n");

        writer.Write("\nMaster machines (compute.masters.instanceType, a g7, c7 or r7 type) by the pools' total CU they serve:\n");
        foreach (var step in ComputeUnits.MasterLadder)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"  {step.Cores,2} cores {step.MemoryGiB,3} GiB  {(step.MaxComputeUnits is { } max ? $"up to {max} CU" : "any more")}\n"));
    }

    /// <summary>
    /// A region's rows, a line per family and answer: the types (or the family) with the same zones, billing method and
    /// source on one line ("every type" when they are all the catalogue's types of the family), each source once after
    /// the region's lines as a numbered note; then the families no row covers.
    /// </summary>
    private static void WriteAvailability(TextWriter writer, string region, InstanceAvailability.Table availability)
    {
        var sources = new System.Collections.Generic.List<string>();
        var unconfirmed = new System.Collections.Generic.List<string>();
        foreach (var family in InstanceCatalog.Families)
        {
            var rows = availability.RowsOf(region, family.Name).ToList();
            if (rows.Count == 0)
                unconfirmed.Add(family.Name);
            var allTypes = InstanceCatalog.TypesOf(family.Name).Select(t => t.Name).ToList();
            foreach (var group in rows.GroupBy(r => (r.InstanceType is null, r.ZonesText, r.ChargeType, Source: $"{r.Source}, read {r.Read}")))
            {
                if (!sources.Contains(group.Key.Source))
                    sources.Add(group.Key.Source);
                var types = group.Select(r => r.InstanceType).OfType<string>().ToList();
                var subject = group.Key.Item1 ? "" : types.Count == allTypes.Count && allTypes.All(types.Contains) ? "every type: " : $"{string.Join(", ", types)}: ";
                var charge = group.Key.ChargeType is null ? "" : $", {group.Key.ChargeType}";
                writer.Write($"  {region,-16}{family.Name,-6}{subject}{group.Key.ZonesText}{charge} [{sources.IndexOf(group.Key.Source) + 1}]\n");
            }
        }
        if (unconfirmed.Count > 0)
            writer.Write($"  {region,-16}not confirmed: {string.Join(", ", unconfirmed)}\n");
        foreach (var (source, i) in sources.Select((s, i) => (s, i)))
            writer.Write($"  {region,-16}[{i + 1}] {source}\n");
    }
}
