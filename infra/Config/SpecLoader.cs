using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Threading;
using FluentValidation.Results;
using Microsoft.Extensions.Configuration;

namespace BlinkInfra.Config;

/// <summary>
/// Reads a stack's config into the typed <see cref="StackSpec"/>: stack file values, then
/// BLINK_-prefixed environment variables over them; shape checks, validation, then planning.
/// Every problem is collected and reported together, before any resource is declared.
/// </summary>
public static class SpecLoader
{
    private static int _loads;

    /// <summary>How many specs this process has loaded: a run loads one (the tests count).</summary>
    internal static int Loads => Volatile.Read(ref _loads);

    /// <summary>
    /// Loads the spec, or throws <see cref="SpecException"/> listing every error.
    /// <paramref name="policyNames"/> are the policies `blink-infra:policy.levels` may name.
    /// </summary>
    public static StackSpec Load(RawStackConfig raw, IReadOnlyCollection<string> policyNames)
    {
        var (spec, errors) = TryLoad(raw, policyNames);
        return errors.Count > 0 ? throw new SpecException(errors) : spec!;
    }

    /// <summary>
    /// Every error of the config in one run, phase by phase: the front door (which parses each value's JSON once),
    /// the typed read (which checks the shape as it reads), the validators, the builders. A later phase still runs where
    /// it can mean something: a section refused by an earlier phase is neither read nor validated (its own errors say why), and a builder runs only on the sections it reads
    /// when they passed; so no error is left for a next run that this one could have reported.
    /// </summary>
    public static (StackSpec? Spec, IReadOnlyList<SpecError> Errors) TryLoad(RawStackConfig raw, IReadOnlyCollection<string> policyNames)
    {
        Interlocked.Increment(ref _loads);
        var errors = new List<SpecError>();
        // The front door first, which parses each structured value's text, once: a section it refuses (a value that
        // could crash the configuration or hide a key) goes no further.
        var (documents, doorErrors) = ConfigFrontDoor.Open(raw);
        errors.AddRange(doorErrors);
        errors.AddRange(ConfigShape.CheckSections(raw));

        // The one typed read of the sections (the shape checked as each value is read); a section with a shape error is left out.
        var config = ConfigShape.Read(Layer(raw, documents, RefusedSections(errors), errors), errors);
        var refused = RefusedSections(errors);
        var cluster = config.Cluster ?? new ClusterConfig();
        var network = config.Network ?? new NetworkConfig();
        var compute = config.Compute ?? new ComputeConfig();
        var security = config.Security ?? new SecurityConfig();
        var dataAccess = config.DataAccess ?? new DataAccessConfig();
        var engine = config.Engine ?? new EngineConfig();
        var observability = config.Observability ?? new ObservabilityConfig();
        var maintenance = config.Maintenance ?? new MaintenanceConfig();
        var policy = config.Policy ?? new PolicyConfig();
        // The cluster name defaults to the stack's name, and is checked like a given one.
        var nameFromStack = cluster.Name is null;
        cluster.Name ??= raw.StackName;

        // Each section's validator, unless an earlier phase refused the section; what one section takes from
        // another (the region, the zones) is unknown (null) when that one is refused, and judges nothing.
        bool Valid(string section) => !refused.Contains(section);
        var region = (string?)null;
        if (Valid("cluster"))
        {
            var clusterResult = new ClusterValidator(nameFromStack).Validate(cluster);
            errors.AddRange(ToErrors(clusterResult, "cluster"));
            if (!clusterResult.Errors.Any(e => e.PropertyName is nameof(ClusterConfig.Region) or nameof(ClusterConfig.Billing)))
                region = cluster.Region;
        }
        // network.cidrBlock, parsed once: the validators and the planner take the block, the spec holds it.
        var vpcBlock = VpcBlock.Of(network);
        if (Valid("network"))
            errors.AddRange(ToErrors(new NetworkValidator(region, vpcBlock).Validate(network), "network"));
        var zoneIds = Valid("network") ? network.Zones.Select(z => z.Id).OfType<string>().ToList() : null;
        if (Valid("compute"))
            errors.AddRange(ToErrors(new ComputeValidator(zoneIds).Validate(compute), "compute"));
        if (Valid("security"))
            errors.AddRange(ToErrors(new SecurityValidator().Validate(security), "security"));
        if (Valid("dataAccess"))
            errors.AddRange(ToErrors(new DataAccessValidator(region).Validate(dataAccess), "dataAccess"));
        if (Valid("engine"))
            errors.AddRange(ToErrors(new EngineValidator().Validate(engine), "engine"));
        if (Valid("observability"))
            errors.AddRange(ToErrors(new ObservabilityValidator().Validate(observability), "observability"));
        if (Valid("maintenance"))
            errors.AddRange(ToErrors(new MaintenanceValidator(region).Validate(maintenance), "maintenance"));
        // A pinned version and ACK's auto-upgrade disagree: the next update would take the cluster back (ACK refuses a downgrade).
        if (Valid("maintenance") && Valid("compute") && maintenance.AutoUpgrade?.Enabled == true && compute.Kubernetes?.Version is { } pinned)
            errors.Add(new SpecError(DiagnosticCatalogue.ConflictingSettings, $"{ConfigKeys.Section("maintenance")}.autoUpgrade.enabled", "True",
                $"ACK upgrades the cluster along its channel, which {ConfigKeys.Section("compute")}.kubernetes.version {pinned} pins: the next update would ask for a downgrade, which ACK refuses; allowed: leave kubernetes.version out (the cluster starts on ACK's latest), or autoUpgrade.enabled: false"));
        if (Valid("policy"))
            errors.AddRange(PolicyLevels.Check(policy, policyNames));

        // The builders, one form each (TSpec? Build(TConfig, SpecContext)), in the order of the spec's dependencies,
        // each on sections that passed so far (a section with an error of any phase is not built on).
        var failed = RefusedSections(errors);
        bool Passed(params string[] sections) => sections.All(section => !failed.Contains(section));
        var context = new SpecContext(raw, errors)
        {
            Documents = documents,
            Region = region,
            Billing = cluster.Billing?.Mode ?? SpecDefaults.Billing,
            NameFromStack = nameFromStack,
            Vpc = vpcBlock,
            // What the cluster reaches outside its own vSwitches: the Service CIDR must overlap none of it.
            Reached = dataAccess.Endpoints.Select(e => ($"data endpoint {e.Name}'s", IsolationSpecBuilder.BlockOf(e)))
                .Concat(dataAccess.Vswitches.Select(v => ($"tenant vSwitch {v.Id}'s", v.CidrBlock?.Block)))
                .Concat([("the tenant VPC's", dataAccess.CrossAccount?.CidrBlock?.Block)])
                .Where(r => r.Item2 is not null).Select(r => (r.Item1, r.Item2!))
                .ToList(),
        };
        context.Network = Passed("network") ? NetworkSpecBuilder.Build(network, context) : null;
        context.Compute = Passed("compute", "dataAccess") ? ComputeSpecBuilder.Build(compute, context) : null;
        var securitySpec = Passed("security") ? IsolationSpecBuilder.Build(security, context) : null;
        context.DataAccess = Passed("dataAccess") ? IsolationSpecBuilder.Build(dataAccess, context) : null;
        context.Cluster = Passed("cluster") ? ClusterSpecBuilder.Build(cluster, context) : null;
        var engineSpec = Passed("engine") ? EngineSpecBuilder.Build(engine, context) : null;
        var credentials = Passed(ConfigKeys.EndpointCredentials) ? EndpointCredentialsBuilder.Build(raw, context) : null;
        var receivers = Passed("observability", ConfigKeys.AlertContacts) ? AlertContactsBuilder.Build(observability.Alerting, context) : null;
        var observabilitySpec = Passed("observability") ? ObservabilityValidator.Build(observability, context) : null;
        // The names BlinkInfra derives from the config, each within the limit of what takes it.
        if (context is { Cluster: { } clusterSpec, Network: { } networkSpec, Compute: { } computeSpec, DataAccess: { } dataAccessSpec } && engineSpec is not null)
        {
            var clusterNameKey = $"{ConfigKeys.Section("cluster")}.name";
            errors.AddRange(DerivedNames.Check(DerivedNames.Of(clusterSpec, networkSpec, computeSpec, dataAccessSpec, engineSpec, bucketGiven: engine.Bucket is not null,
                defaultLogProject: (observability.Logs?.Enabled ?? true) && observability.Logs?.Project is null))
                .Select(e => nameFromStack && e.Key == clusterNameKey ? e with { Problem = $"the cluster name defaults to the stack's name (set {clusterNameKey}); {e.Problem}" } : e));
        }
        if (errors.Count > 0)
            return (null, errors);
        return (new StackSpec(context.Cluster!, context.Network!, context.Compute!, securitySpec!, context.DataAccess!, engineSpec!, observabilitySpec! with { Receivers = receivers }, PolicyLevels.Build(policy, context), credentials)
        {
            Maintenance = MaintenanceValidator.Build(maintenance, context),
        }, errors);
    }

    /// <summary>
    /// The stack's policy levels alone (`blink-infra:policy` and its BLINK_policy__ overrides), through the same phases
    /// as <see cref="TryLoad"/> with the same errors: what a policy pack reads when it starts, which guards stacks of any
    /// program, so the other sections are neither required nor read.
    /// </summary>
    public static (PolicySpec? Policy, IReadOnlyList<SpecError> Errors) TryLoadPolicy(RawStackConfig raw, IReadOnlyCollection<string> policyNames)
    {
        const string section = "policy";
        var policyOnly = new RawStackConfig(
            raw.StackName,
            raw.Values.Where(kv => SectionOf(kv.Key) == section).ToImmutableSortedDictionary(StringComparer.Ordinal),
            raw.SecretKeys.Where(key => SectionOf(key) == section).ToImmutableSortedSet(StringComparer.Ordinal),
            raw.Overrides.Where(kv => SectionOf(kv.Key) == section).ToImmutableSortedDictionary(StringComparer.Ordinal));
        var (documents, doorErrors) = ConfigFrontDoor.Open(policyOnly);
        var errors = doorErrors.ToList();
        var configuration = Layer(policyOnly, documents, RefusedSections(errors), errors);
        var config = errors.Count == 0 ? ConfigShape.Read(configuration, errors) : null;
        if (errors.Count > 0)
            return (null, errors);
        var policy = config?.Policy ?? new PolicyConfig();
        errors.AddRange(PolicyLevels.Check(policy, policyNames));
        return errors.Count > 0 ? (null, errors) : (PolicyLevels.Build(policy, new SpecContext(policyOnly, errors)), errors);
    }

    /// <summary>
    /// The configuration of the sections not refused: each section's document as the front door parsed it (a value
    /// that is not an object is an error of its own, added to <paramref name="errors"/>), then the BLINK_ overrides of
    /// those sections over them.
    /// </summary>
    private static IConfiguration Layer(RawStackConfig raw, ConfigDocuments documents, IReadOnlySet<string> refused, List<SpecError> errors)
    {
        var sections = new List<(string, JsonElement)>();
        foreach (var section in ConfigKeys.BoundSections.Where(s => !refused.Contains(s)))
        {
            var key = ConfigKeys.Section(section);
            if (!raw.Values.TryGetValue(key, out var text))
                continue;
            if (documents.Of(key) is not { ValueKind: JsonValueKind.Object } document)
            {
                errors.Add(new SpecError(DiagnosticCatalogue.WrongShape, key, text, $"an object belongs here; allowed keys: {ConfigShape.AllowedKeys(section)}"));
                continue;
            }
            sections.Add((section, document));
        }
        var builder = new ConfigurationBuilder().Add(new ParsedConfiguration(sections));
        // BLINK_cluster__region overrides cluster.region, as Microsoft.Extensions.Configuration's
        // environment provider maps names: prefix dropped, "__" for ":".
        builder.AddInMemoryCollection(raw.Overrides
            .Where(kv => SectionOf(kv.Key) is not { } section || !refused.Contains(section))
            .Select(kv => KeyValuePair.Create(
                kv.Key[ConfigKeys.EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), (string?)kv.Value)));
        return builder.Build();
    }

    /// <summary>The sections some error is about (by its key), which later phases do not build on.</summary>
    private static HashSet<string> RefusedSections(IEnumerable<SpecError> errors)
        => errors.Select(e => SectionOf(e.Key)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The section a key belongs to: `blink-infra:network.cidrBlock` and BLINK_network__cidrBlock to network (the
    /// environment's case ignored, as the configuration reads it); null for a key of no section.
    /// </summary>
    private static string? SectionOf(string key)
    {
        string rest;
        if (key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal))
            rest = key[(ConfigKeys.Namespace.Length + 1)..];
        else if (key.StartsWith(ConfigKeys.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            rest = key[ConfigKeys.EnvironmentPrefix.Length..].Split("__")[0];
        else
            return null;
        var end = rest.IndexOfAny(['.', '[']);
        var name = end < 0 ? rest : rest[..end];
        return ConfigKeys.Sections.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<SpecError> ToErrors(ValidationResult result, string section)
        => result.Errors.Select(failure => new SpecError(
            CodeOf(failure),
            $"{ConfigKeys.Section(section)}.{ConfigKeys.PathFromPropertyChain(failure.PropertyName)}",
            Given(failure.AttemptedValue),
            failure.ErrorMessage));

    /// <summary>
    /// A validator's failure's kind of problem: the code its rule gives (WithCode, Fail). A rule without one is a bug
    /// of the rule's (ConfigCodeTests scans the validators for one), reported as the general kind rather than not at all.
    /// </summary>
    private static DiagnosticEntry CodeOf(ValidationFailure failure)
        => DiagnosticCatalogue.Find(failure.ErrorCode ?? "") is { Kind: DiagnosticKind.ConfigError } entry ? entry : DiagnosticCatalogue.InvalidValue;

    /// <summary>How a value given appears in a message; a parsed value (<see cref="IConfigValue"/>) as its text, lists as their items, zones by id.</summary>
    private static string? Given(object? value)
        => value switch
        {
            null => null,
            string text => text,
            IConfigValue parsed => parsed.Text,
            System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(NameOf)) + "]",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>A list item in a message: a config object by its name or id, anything else as text.</summary>
    private static string? NameOf(object? item)
    {
        if (item is IConfigValue parsed)
            return parsed.Text;
        if (item is null || item is string || item.GetType().IsPrimitive)
            return Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var identity in new[] { "Name", "Id", "SecurityGroupId" })
        {
            if (item.GetType().GetProperty(identity)?.GetValue(item) is string value)
                return value;
        }
        return item.GetType().Name;
    }
}
