using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Stacks;

namespace BlinkInfra.Cli;

/// <summary>
/// `./blink init`: a starter stack file from a few answers, every other key left to its default. It
/// plans and passes `check` with no violation: without HA on the stock Flink image (no jobs, so
/// nothing reads the bucket yet); with HA on an image of the stack's own built from images/flink-rrsa/
/// (which ha-metadata-readable-through-rrsa requires), named in the region's registry.
/// </summary>
public sealed record StackTemplate(
    string Name,
    string Region,
    string Billing,
    bool HighAvailability,
    ImmutableArray<string> Zones,
    string Family,
    string InstanceType,
    int Nodes,
    string RegistryNamespace)
{
    public const string DefaultRegion = "cn-hangzhou";
    public const string DefaultFamily = "g7";
    public const int DefaultNodes = 2;
    public const string DefaultRegistryNamespace = "blink-infra";

    /// <summary>How many zones a starter stack spreads over: HA puts a master in each of three.</summary>
    public const int DefaultZoneCount = 3;

    private static readonly Regex StackName = new("^[a-z][a-z0-9-]{0,32}[a-z0-9]$|^[a-z]$", RegexOptions.CultureInvariant);

    /// <summary>The answers given, the rest defaulted from the facts; a bad answer is one error naming its flag.</summary>
    public static StackTemplate From(string? name, string? region, string? billing, bool? highAvailability, string? zones, string? family, string? instanceType, int? nodes, string? registryNamespace)
    {
        if (name is null)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, "--name NAME is required: the stack's name (stacks/Pulumi.NAME.yaml; the cluster is called blink-NAME)");
        if (!StackName.IsMatch(name))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--name \"{name}\": allowed: lower-case letters, digits and -, starting with a letter, not ending with -, at most 34 characters");
        region ??= DefaultRegion;
        var regions = AlibabaCloud.RegionsFor(BillingMode.Subscription);
        if (!regions.Contains(region))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--region \"{region}\": allowed: {string.Join(", ", regions)} (./blink catalog lists them with their billing and zones)");
        var payAsYouGo = AlibabaCloud.RegionsFor(BillingMode.PayAsYouGo).Contains(region);
        billing ??= payAsYouGo ? "pay-as-you-go" : "subscription";
        if (!AlibabaCloud.BillingModes.Any(b => b.Name == billing))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--billing \"{billing}\": allowed: {string.Join(", ", AlibabaCloud.BillingModes.Select(b => b.Name))}");
        if (billing == "pay-as-you-go" && !payAsYouGo)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--billing pay-as-you-go: {region} is sold with subscription billing only; allowed regions for pay-as-you-go: {string.Join(", ", AlibabaCloud.RegionsFor(BillingMode.PayAsYouGo))}");
        var known = AlibabaCloud.ZonesOf(region);
        var zoneList = zones is null
            ? known.Take(DefaultZoneCount).ToImmutableArray()
            : zones.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray();
        var unknown = zoneList.Where(z => !known.Contains(z)).ToList();
        if (unknown.Count > 0 || zoneList.Length == 0 || zoneList.Distinct().Count() != zoneList.Length)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--zones \"{zones}\": allowed: distinct zones of {region}, comma-separated: {string.Join(", ", known)}");
        var ha = highAvailability ?? false;
        if (ha && zoneList.Length < DefaultZoneCount)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--zones \"{zones}\": high availability puts a master machine in each of {DefaultZoneCount} zones; give at least {DefaultZoneCount}");
        family ??= DefaultFamily;
        if (InstanceCatalog.Family(family) is not { } familyFacts)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--family \"{family}\": allowed: {string.Join(", ", InstanceCatalog.Families.Select(f => f.Name))} (./blink catalog lists their types)");
        if (familyFacts.Kind == MachineKind.Fpga)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--family \"{family}\": an FPGA pool needs the image Alibaba Cloud shares by a support ticket (workerPools[].imageId), which a starter stack cannot name; start with a CPU or GPU family and add the pool by hand");
        var workers = InstanceCatalog.TypesOf(family).Where(t => t.ComputeUnitCount > 0).ToList();
        // By default the family's smallest type of the sizing table's first row (4 cores, 3 CU) or more, as the dev example.
        instanceType ??= (workers.FirstOrDefault(t => t.ComputeUnitCount >= WorkerResources.SizingTable[0].UsableComputeUnits) ?? workers.First()).Name;
        if (!workers.Any(t => t.Name == instanceType))
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--instance-type \"{instanceType}\": allowed for {family}: {string.Join(", ", workers.Select(t => t.Name))}");
        var count = nodes ?? DefaultNodes;
        if (count < ComputeUnits.MinWorkers || count > ComputeUnits.MaxWorkers)
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--nodes {count}: allowed: {ComputeUnits.MinWorkers} to {ComputeUnits.MaxWorkers}");
        registryNamespace ??= DefaultRegistryNamespace;
        return new StackTemplate(name, region, billing, ha, zoneList, family, instanceType, count, registryNamespace);
    }

    public string ClusterName => $"blink-{Name}";

    /// <summary>The session clusters' image with HA: images/flink-rrsa/ pushed to the region's registry, reached over its VPC endpoint.</summary>
    public string FlinkImage => $"registry-vpc.{Region}.aliyuncs.com/{RegistryNamespace}/flink:1.20.1-rrsa";

    public string Yaml()
    {
        var kind = InstanceCatalog.Family(Family)!.Kind;
        var pool = kind == MachineKind.Gpu ? "gpu" : "cpu";
        var text = new StringBuilder();
        text.Append($"# A starter stack written by ./blink init: {ClusterName} in {Region} ({Billing}), {(HighAvailability ? "three master machines (HA)" : "one master machine")},\n");
        text.Append($"# {Nodes.ToString(System.Globalization.CultureInfo.InvariantCulture)} workers of {InstanceType}. Plan it with ./blink plan -s {Name}, check it with ./blink check -s {Name},\n");
        text.Append("# then pulumi preview --diff and pulumi up. Every key is described in docs/config.md.\n");
        text.Append("config:\n");
        text.Append("  blink-infra:cluster:\n");
        text.Append($"    name: {ClusterName}\n");
        text.Append($"    region: {Region}\n");
        text.Append($"    billing: {Billing}\n");
        text.Append("  blink-infra:network:\n");
        text.Append("    # A new VPC. Once planned, paste the zones block ./blink plan prints to pin the vSwitches' blocks.\n");
        text.Append("    cidrBlock: 10.0.0.0/16\n");
        text.Append("    zones:\n");
        foreach (var zone in Zones)
            text.Append($"      - id: {zone}\n");
        text.Append("  blink-infra:compute:\n");
        text.Append($"    highAvailability: {(HighAvailability ? "true" : "false")}\n");
        text.Append("    workerPools:\n");
        text.Append($"      - name: {pool}\n");
        text.Append($"        family: {Family}\n");
        text.Append($"        instanceTypes: [{InstanceType}]\n");
        text.Append($"        nodes: {Nodes.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        text.Append("  blink-infra:engine:\n");
        text.Append("    # Bucket names are global across Alibaba Cloud: keep this one only if it is free.\n");
        text.Append($"    bucket: {ClusterName}-flink-state\n");
        if (HighAvailability)
        {
            text.Append("    # HA keeps its metadata on the bucket, which stock Flink cannot read through RRSA (FLINK-38987):\n");
            text.Append($"    # build images/flink-rrsa/ and push it to {FlinkImage.Replace("registry-vpc.", "registry.", StringComparison.Ordinal)}.\n");
            text.Append($"    image: {FlinkImage}\n");
            text.Append("    flinkConfiguration:\n");
            text.Append("      fs.oss.credentials.provider: io.blinkinfra.flink.oss.RrsaCredentialsProvider\n");
        }
        text.Append("    # Jobs with jars on oss:// need an operator image that reads OSS: build images/flink-operator-oss/\n");
        text.Append("    # and set operatorImage: registry-vpc.<region>.aliyuncs.com/<namespace>/flink-kubernetes-operator:1.15.0-oss-rrsa\n");
        text.Append("  # The four default alerts reach no one yet (check says so): name who receives them, e.g.\n");
        text.Append("  # blink-infra:observability:\n");
        text.Append("  #   alerting:\n");
        text.Append("  #     contacts: [{name: oncall-primary, via: [email]}]\n");
        text.Append("  # and give their details as a secret (personal data):\n");
        text.Append("  # pulumi config set --secret blink-infra:alertContacts '{\"oncall-primary\": {\"email\": \"...\"}}'\n");
        return text.ToString();
    }
}
