using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using BlinkInfra.Facts;
using FluentValidation;
using FluentValidation.Results;

namespace BlinkInfra.Config;

/// <summary>Rules for `blink-infra:compute` that need nothing but its own values and the network's zones.</summary>
public sealed class ComputeValidator : AbstractValidator<ComputeConfig>
{
    public ComputeValidator(IReadOnlyList<string>? zones)
    {
        RuleFor(c => c.Kubernetes!.ClusterSpec)
            .Must(spec => spec is null or ClusterDefaults.ClusterSpec)
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not an ACK managed Pro cluster spec; allowed: {ClusterDefaults.ClusterSpec}")
            .OverridePropertyName("Kubernetes.ClusterSpec")
            .When(c => c.Kubernetes != null);

        // The version as parsed once (KubernetesVersionValue).
        RuleFor(c => c.Kubernetes!.Version)
            .Must(version => version?.Problem is null)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage((_, version) => version!.Problem!)
            .OverridePropertyName("Kubernetes.Version")
            .When(c => c.Kubernetes != null);

        RuleFor(c => c.Kubernetes!.ProxyMode)
            .Must(mode => mode is null || ClusterDefaults.ProxyModes.Contains(mode))
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not a kube-proxy mode ACK creates; allowed: {string.Join(", ", ClusterDefaults.ProxyModes)} (nftables by default; ipvs is deprecated since Kubernetes 1.35; the provider replaces the cluster when it changes, so a cluster created with ipvs keeps it by saying so)")
            .OverridePropertyName("Kubernetes.ProxyMode")
            .When(c => c.Kubernetes != null);
        RuleFor(c => c.Kubernetes!.ProxyMode)
            .Must((c, mode) => mode != "nftables" || c.Kubernetes!.Version is not { } version || version.Minor is { } minor && minor >= ClusterDefaults.NftablesSince)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage(c => $"nftables needs Kubernetes {ClusterDefaults.NftablesSince} or later (ACK CreateCluster proxy_mode), and blink-infra:compute.kubernetes.version is {c.Kubernetes!.Version}; allowed: ipvs or iptables on that version, or a version of {ClusterDefaults.NftablesSince} or later")
            .OverridePropertyName("Kubernetes.ProxyMode")
            .When(c => c.Kubernetes is { Version: not null, ProxyMode: "nftables" });

        RuleFor(c => c.Kubernetes!.ServiceCidr)
            .Custom((cidr, context) =>
            {
                if (cidr is null)
                    return;
                if (cidr.Block is not { } block)
                    context.Fail(DiagnosticCatalogue.NotACidr, cidr, cidr.Problem!);
                else if (block.Cidr is < ClusterDefaults.ServiceCidrMinPrefixLength or > ClusterDefaults.ServiceCidrMaxPrefixLength)
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"a Service CIDR's mask is /{ClusterDefaults.ServiceCidrMinPrefixLength} to /{ClusterDefaults.ServiceCidrMaxPrefixLength}; allowed: a block such as 172.21.0.0/20");
                else if (!KnownBlocks.ServiceCidrRanges.Any(range => range.Contains(block)))
                    context.Fail(DiagnosticCatalogue.CidrNotAllowed, cidr, $"outside the private ranges ACK takes a Service CIDR from; allowed: a /{ClusterDefaults.ServiceCidrMinPrefixLength} to /{ClusterDefaults.ServiceCidrMaxPrefixLength} block inside {string.Join(", ", ClusterDefaults.ServiceCidrRanges)}, such as 172.21.0.0/20");
            })
            .When(c => c.Kubernetes != null);

        RuleFor(c => c.Masters!.InstanceType)
            .Must((c, type) => type is null || c.Masters!.Trusted == true || InstanceCatalog.Type(type) is { } known && InstanceCatalog.Family(known.Family)!.Kind == MachineKind.Cpu)
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage((c, type) => InstanceCatalog.Type(type!) is null
                ? $"unknown instance type; allowed: a CPU type BlinkInfra knows ({string.Join(", ", InstanceCatalog.Types.Where(t => InstanceCatalog.Family(t.Family)!.Kind == MachineKind.Cpu).Select(t => t.Name))}), or masters.trusted: true"
                : "masters run the engine's control plane on CPU machines; allowed: a CPU instance type (families g7, c7, r7)")
            .OverridePropertyName("Masters.InstanceType")
            .When(c => c.Masters != null);

        RuleFor(c => c.Masters!.ImageId)
            .Must(image => image is null || image.Trim().Length > 0)
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("an empty image id; allowed: an ECS image id, or none for ACK's Alibaba Cloud Linux 3 image")
            .OverridePropertyName("Masters.ImageId")
            .When(c => c.Masters != null);

        RuleFor(c => c.WorkerPools)
            .NotEmpty()
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("at least one worker pool is required; allowed: a list of pools, each with name, family, instanceTypes and a size");

        RuleForEach(c => c.WorkerPools).SetValidator(new WorkerPoolValidator(zones));

        RuleFor(c => c.WorkerPools).Custom((pools, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < pools.Count; i++)
            {
                if (pools[i].Name is { } name && !seen.Add(name))
                    context.AddFailure(new ValidationFailure($"WorkerPools[{i}].Name", "used by another pool; allowed: a name of its own") { ErrorCode = DiagnosticCatalogue.ListedTwice.Code, AttemptedValue = name });
            }
            // A former name claims the old node pool for one pool: never a pool's name now (that pool is the
            // resource there), never claimed twice (Pulumi refuses a resource two aliases point at).
            var current = pools.Select(p => p.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < pools.Count; i++)
            {
                for (var j = 0; j < pools[i].FormerNames.Count; j++)
                {
                    var former = pools[i].FormerNames[j];
                    if (former != pools[i].Name && current.Contains(former))
                        context.AddFailure(new ValidationFailure($"WorkerPools[{i}].FormerNames[{j}]", "the name of another pool now; allowed: names no pool has now") { ErrorCode = DiagnosticCatalogue.ListedTwice.Code, AttemptedValue = former });
                    else if (!claimed.Add(former))
                        context.AddFailure(new ValidationFailure($"WorkerPools[{i}].FormerNames[{j}]", "already a former name of a pool; allowed: each former name once, for the pool that had it") { ErrorCode = DiagnosticCatalogue.ListedTwice.Code, AttemptedValue = former });
                }
            }
        });
    }
}

/// <summary>Rules for one item of `blink-infra:compute.workerPools`.</summary>
public sealed class WorkerPoolValidator : AbstractValidator<WorkerPoolConfig>
{
    // The pool's ACK node pool takes it as its name, its nodes as a label value, and its session cluster's
    // name is built from it (infra/Facts/NameLimits.cs; how much room that leaves is checked with the spec, DerivedNames).
    private static readonly Regex NamePattern = new("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\z", RegexOptions.CultureInvariant);
    private static readonly string NameRule = $"lower-case letters, digits and '-', starting with a letter, at most {NameLimits.AckNodePoolName.MaxLength} characters (less when its session cluster's name needs the room)";
    private static readonly Regex DriverPattern = new(@"^[0-9]+(\.[0-9]+){1,2}\z", RegexOptions.CultureInvariant);
    public const string ReservedName = "masters";

    /// <summary>The most CU a pool may ask for: the cluster's most workers, each of the catalogue's largest.</summary>
    public static readonly int MaxComputeUnits = ComputeUnits.MaxWorkers * InstanceCatalog.Types.Max(t => t.ComputeUnitCount);

    private static readonly string KnownFamilies = string.Join(", ", InstanceCatalog.Families.Select(f => f.Name));
    private static readonly string Kinds = ComputeFacts.Kinds;

    public WorkerPoolValidator(IReadOnlyList<string>? zones)
    {
        RuleFor(p => p.Name)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"allowed: {NameRule}")
            .Must(name => NamePattern.IsMatch(name!) && name != ReservedName)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a valid pool name; allowed: {NameRule}, not \"{ReservedName}\"");

        // Where the engine looks for the pool's node pool before it creates one (a rename keeps the machines).
        RuleForEach(p => p.FormerNames)
            .Must(former => NamePattern.IsMatch(former) && former != ReservedName)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not a name a pool could have had; allowed: {NameRule}, not \"{ReservedName}\"")
            .Must((p, former) => former != p.Name)
            .WithCode(DiagnosticCatalogue.InvalidValue).WithMessage("the pool's name now; allowed: names it had before, not its current one");

        RuleFor(p => p.Family)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"allowed: {KnownFamilies}")
            .Must((p, family) => p.Trusted == true || InstanceCatalog.Family(family!) != null)
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"unknown instance family; allowed: {KnownFamilies}, or trusted: true with kind");

        RuleFor(p => p.Kind)
            .Must(kind => kind!.Kind != null)
            .When(p => p.Kind != null)
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage(p => p.Kind!.Problem!);

        RuleFor(p => p.Kind)
            .NotEmpty()
            .When(p => p.Trusted == true && p.Family != null && InstanceCatalog.Family(p.Family) == null)
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"a trusted family BlinkInfra does not know needs its kind; allowed: {Kinds}");

        RuleFor(p => p.InstanceTypes)
            .NotEmpty()
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage(p => p.Family is { } family && InstanceCatalog.TypesOf(family).Any()
                ? $"at least one instance type is required; allowed: types of {family}: {string.Join(", ", InstanceCatalog.TypesOf(family).Select(t => t.Name))}"
                : "at least one instance type is required");

        RuleForEach(p => p.InstanceTypes).Custom((type, context) =>
        {
            var pool = context.InstanceToValidate;
            var family = InstanceCatalog.FamilyOfTypeName(type);
            if (family is null)
                context.Fail(DiagnosticCatalogue.MalformedValue, type, "not an ECS instance type name; allowed: names such as ecs.g7.2xlarge");
            else if (pool.Family != null && family != pool.Family)
                context.Fail(DiagnosticCatalogue.ConflictingSettings, type, $"of family {family}, not the pool's {pool.Family}; allowed: types of {pool.Family}");
            else if (pool.Trusted != true && InstanceCatalog.Family(family) != null && InstanceCatalog.Type(type) is null)
                context.Fail(DiagnosticCatalogue.UnknownValue, type, $"unknown instance type; allowed: types of {family}: {string.Join(", ", InstanceCatalog.TypesOf(family).Select(t => t.Name))}, or trusted: true");
            else if (InstanceCatalog.Type(type) is { ComputeUnitCount: < 1 } small)
            {
                var share = WorkerResources.SystemShareOf(small.Cores);
                var bigEnough = InstanceCatalog.TypesOf(family).Where(t => t.ComputeUnitCount >= 1).Select(t => t.Name);
                context.Fail(DiagnosticCatalogue.OutOfRange, type, $"{small.Cores} cores and {small.MemoryGiB} GiB leave no CU once the system has its share ({share.Cores} core, {share.MemoryGiB} GiB); allowed: a worker type that offers at least 1 CU: {string.Join(", ", bigEnough)}");
            }
        });

        RuleFor(p => p).Custom((pool, context) =>
        {
            var given = new[] { pool.Nodes != null, pool.ComputeUnits != null, pool.MinNodes != null || pool.MaxNodes != null }.Count(g => g);
            if (given != 1)
                context.FailAt(DiagnosticCatalogue.ConflictingSettings, "Nodes", Sizes(pool), $"{(given == 0 ? "no size given" : "more than one size given")}; allowed: exactly one of nodes, computeUnits, or minNodes with maxNodes");
        });

        // Every number bounded: a pool never has more than the cluster's most workers, so no sum overflows.
        RuleFor(p => p.Nodes).InclusiveBetween(1, ComputeUnits.MaxWorkers).WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {ComputeUnits.MaxWorkers}");
        RuleFor(p => p.ComputeUnits).InclusiveBetween(1, MaxComputeUnits).WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 1 to {MaxComputeUnits} (the pools' workers are {ComputeUnits.MinWorkers} to {ComputeUnits.MaxWorkers} in all)");
        RuleFor(p => p.MinNodes).InclusiveBetween(0, ComputeUnits.MaxWorkers).WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: 0 to maxNodes");
        RuleFor(p => p.MinNodes).NotNull().When(p => p.MaxNodes != null).WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("autoscaling needs both minNodes and maxNodes; allowed: 0 to maxNodes");
        RuleFor(p => p.MaxNodes).NotNull().When(p => p.MinNodes != null).WithCode(DiagnosticCatalogue.MissingRequired).WithMessage($"autoscaling needs both minNodes and maxNodes; allowed: minNodes to {ComputeUnits.MaxWorkers}");
        RuleFor(p => p.MaxNodes)
            .Must((p, max) => max >= Math.Max(1, p.MinNodes ?? 0) && max <= ComputeUnits.MaxWorkers)
            .When(p => p.MaxNodes != null)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage(p => $"{(p.MaxNodes > ComputeUnits.MaxWorkers ? "more workers than a cluster may have" : "below minNodes or zero")}; allowed: {Math.Max(1, p.MinNodes ?? 0)} to {ComputeUnits.MaxWorkers}");

        RuleFor(p => p.ComputeUnits)
            .Must((p, _) => p.InstanceTypes.All(t => InstanceCatalog.Type(t) != null))
            .When(p => p.ComputeUnits != null && p.Trusted == true)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("a pool of trusted instance types BlinkInfra does not know cannot be sized in CU; allowed: nodes, or minNodes with maxNodes");

        RuleForEach(p => p.Zones).Custom((zone, context) =>
        {
            // Unknown zones (null: blink-infra:network is refused, which its own errors say) judge no pool's.
            if (zones is not null && !zones.Contains(zone))
                context.Fail(DiagnosticCatalogue.UnknownValue, zone, $"not a zone of the cluster's network; allowed: {string.Join(", ", zones)}");
        });

        RuleFor(p => p.GpuDriverVersion)
            .Must((p, _) => ComputeFacts.KindOf(p) == MachineKind.Gpu)
            .When(p => p.GpuDriverVersion != null)
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage("only GPU pools have an NVIDIA driver; allowed: no gpuDriverVersion on this pool");

        RuleFor(p => p.GpuDriverVersion)
            // A node-pool label's value (infra/Facts/NameLimits.cs).
            .Must(version => DriverPattern.IsMatch(version!) && NameLimits.KubernetesLabelValue.ProblemWith(version!) is null)
            .When(p => p.GpuDriverVersion != null && ComputeFacts.KindOf(p) == MachineKind.Gpu)
            .WithCode(DiagnosticCatalogue.MalformedValue).WithMessage($"not an NVIDIA driver version; allowed: a version ACK offers, such as 535.161.08 (a label value: at most {NameLimits.KubernetesLabelValue.MaxLength} characters)");

        RuleFor(p => p.DataDisk!).SetValidator(new DataDiskValidator()).OverridePropertyName("DataDisk").When(p => p.DataDisk != null);

        RuleFor(p => p.ImageId)
            .NotEmpty()
            .When(p => ComputeFacts.KindOf(p) == MachineKind.Fpga)
            .WithCode(DiagnosticCatalogue.MissingRequired).WithMessage("an FPGA pool needs the FPGA image Alibaba Cloud shares with your account through a support ticket; allowed: that image's id (m-...)");
    }

    private static string Sizes(WorkerPoolConfig pool)
    {
        var parts = new List<string>();
        if (pool.Nodes != null) parts.Add($"nodes: {pool.Nodes}");
        if (pool.ComputeUnits != null) parts.Add($"computeUnits: {pool.ComputeUnits}");
        if (pool.MinNodes != null) parts.Add($"minNodes: {pool.MinNodes}");
        if (pool.MaxNodes != null) parts.Add($"maxNodes: {pool.MaxNodes}");
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}

/// <summary>Rules for `blink-infra:compute.workerPools[i].dataDisk`.</summary>
public sealed class DataDiskValidator : AbstractValidator<DataDiskConfig>
{
    public DataDiskValidator()
    {
        RuleFor(d => d).Custom((disk, context) =>
        {
            if (disk.Enabled == false && (disk.Category != null || disk.SizeGiB != null || disk.PerformanceLevel != null || disk.Encrypted != null || disk.RuntimeSizeGiB != null))
                context.FailAt(DiagnosticCatalogue.ConflictingSettings, "Enabled", "false", "the pool has no data disk, so its other keys would be ignored; allowed: enabled: false alone, or a disk (category, sizeGiB, performanceLevel, encrypted, runtimeSizeGiB) without enabled: false");
        });
        RuleFor(d => d.Category)
            .Must(category => category is null || DataDisks.Categories.Contains(category))
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not an SSD category a node pool's data disk may be (RocksDB compacts constantly); allowed: {string.Join(", ", DataDisks.Categories)}");
        RuleFor(d => d.PerformanceLevel)
            .Must(level => DataDisks.EssdLevelMinSizeGiB.ContainsKey(level!))
            .When(d => d.PerformanceLevel != null && (d.Category ?? DataDisks.DefaultCategory) == "cloud_essd")
            .WithCode(DiagnosticCatalogue.UnknownValue).WithMessage($"not an ESSD performance level; allowed: {string.Join(", ", DataDisks.EssdLevelMinSizeGiB.Keys)}");
        RuleFor(d => d.PerformanceLevel)
            .Null()
            .When(d => (d.Category ?? DataDisks.DefaultCategory) != "cloud_essd")
            .WithCode(DiagnosticCatalogue.ConflictingSettings).WithMessage(d => $"only cloud_essd disks have performance levels, and this one is {d.Category}; allowed: no performanceLevel, or category: cloud_essd");
        RuleFor(d => d.SizeGiB)
            .InclusiveBetween(DataDisks.MinSizeGiB, DataDisks.MaxSizeGiB)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {DataDisks.MinSizeGiB} to {DataDisks.MaxSizeGiB} GiB (a node pool's data disk)");
        RuleFor(d => d.RuntimeSizeGiB)
            .InclusiveBetween(DataDisks.MinSizeGiB, DataDisks.MaxSizeGiB)
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage($"allowed: {DataDisks.MinSizeGiB} to {DataDisks.MaxSizeGiB} GiB (the container runtime's disk, the pool's last data disk, default {DataDisks.DefaultRuntimeSizeGiB})");
        RuleFor(d => d.SizeGiB)
            .Must((d, size) => size >= DataDisks.EssdLevelMinSizeGiB[d.PerformanceLevel!])
            .When(d => d.SizeGiB is >= DataDisks.MinSizeGiB and <= DataDisks.MaxSizeGiB && (d.Category ?? DataDisks.DefaultCategory) == "cloud_essd"
                && d.PerformanceLevel != null && DataDisks.EssdLevelMinSizeGiB.ContainsKey(d.PerformanceLevel))
            .WithCode(DiagnosticCatalogue.OutOfRange).WithMessage(d => $"an ESSD at {d.PerformanceLevel} is at least {DataDisks.EssdLevelMinSizeGiB[d.PerformanceLevel!]} GiB; allowed: {DataDisks.EssdLevelMinSizeGiB[d.PerformanceLevel!]} to {DataDisks.MaxSizeGiB} GiB, or a lower level");
    }
}

/// <summary>What a pool's family and config say about its machines.</summary>
public static class ComputeFacts
{
    /// <summary>The kinds a pool may declare, for messages.</summary>
    public const string Kinds = "cpu, gpu, fpga";

    /// <summary>A kind's name to the kind (MachineKindValue reads the config's with it).</summary>
    public static MachineKind? ParseKind(string text)
        => text switch { "cpu" => MachineKind.Cpu, "gpu" => MachineKind.Gpu, "fpga" => MachineKind.Fpga, _ => null };

    /// <summary>The pool's kind: its known family's, or the kind a trusted pool declares.</summary>
    public static MachineKind? KindOf(WorkerPoolConfig pool)
        => pool.Family is { } family && InstanceCatalog.Family(family) is { } known ? known.Kind : pool.Kind?.Kind;
}
