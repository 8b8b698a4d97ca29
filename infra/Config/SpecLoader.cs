using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using FluentValidation.Results;
using Microsoft.Extensions.Configuration;

namespace BlinkInfra.Config;

/// <summary>
/// The project's config as the Pulumi engine hands it to a program: full keys
/// ("blink-infra:cluster") to values, structured values as JSON text.
/// </summary>
public sealed record RawStackConfig(string StackName, ImmutableSortedDictionary<string, string> Values)
{
    /// <summary>Reads the config of the running deployment, once, through Pulumi's own Config.</summary>
    public static RawStackConfig FromDeployment()
    {
        var config = new Pulumi.Config(ConfigKeys.Namespace);
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var section in ConfigKeys.BoundSections)
        {
            if (config.Get(section) is { } value)
                values[ConfigKeys.Section(section)] = value;
        }

        // Pulumi.Config cannot list keys; the language host's PULUMI_CONFIG can, so a misspelt
        // top-level key is still reported.
        foreach (var key in PulumiConfigEnvironment.Keys())
        {
            var section = key.StartsWith(ConfigKeys.Namespace + ":", StringComparison.Ordinal) ? key[(ConfigKeys.Namespace.Length + 1)..] : null;
            // Only keys BlinkInfra does not know are read here, to be reported: never the secret ones.
            if (section != null && !ConfigKeys.Sections.Contains(section))
                values[key] = config.Get(section) ?? "";
        }

        return new RawStackConfig(Pulumi.Deployment.Instance.StackName, values.ToImmutable());
    }
}

/// <summary>`blink-infra:policy.levels`: each key a policy of the packs, each value a level.</summary>
public static class PolicyLevels
{
    public static IEnumerable<SpecError> Check(PolicyConfig policy)
    {
        foreach (var (name, level) in policy.Levels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var key = $"{ConfigKeys.Section("policy")}.levels[\"{name}\"]";
            if (!BlinkInfra.Policies.PolicyEngine.PolicyNames.Contains(name))
                yield return new SpecError(key, level, $"unknown policy \"{name}\"; allowed: {string.Join(", ", BlinkInfra.Policies.PolicyEngine.PolicyNames)}");
            else if (BlinkInfra.Policies.EnforcementLevels.Parse(level) is null)
                yield return new SpecError(key, level, $"unknown enforcement level; allowed: {BlinkInfra.Policies.EnforcementLevels.Names}");
        }
    }

    public static PolicySpec Build(PolicyConfig policy)
        => new(policy.Levels.ToImmutableSortedDictionary(kv => kv.Key, kv => BlinkInfra.Policies.EnforcementLevels.Parse(kv.Value)!.Value, StringComparer.Ordinal));
}

/// <summary>The keys of PULUMI_CONFIG, the variable through which the engine passes config.</summary>
public static class PulumiConfigEnvironment
{
    public static IEnumerable<string> Keys()
    {
        var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (string.IsNullOrEmpty(json))
            return Array.Empty<string>();
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }
}

/// <summary>
/// Binds a stack's config into the typed <see cref="StackSpec"/>: stack file values, then
/// BLINK_-prefixed environment variables over them; shape checks, validation, then planning.
/// Every problem is collected and reported together, before any resource is declared.
/// </summary>
public static class SpecLoader
{
    /// <summary>Loads the spec, or throws <see cref="SpecException"/> listing every error.</summary>
    public static StackSpec Load(RawStackConfig raw)
    {
        var (spec, errors) = TryLoad(raw);
        return errors.Count > 0 ? throw new SpecException(errors) : spec!;
    }

    public static (StackSpec? Spec, IReadOnlyList<SpecError> Errors) TryLoad(RawStackConfig raw)
    {
        var errors = new List<SpecError>();
        errors.AddRange(ConfigShape.CheckSections(raw.Values));

        var builder = new ConfigurationBuilder();
        foreach (var section in ConfigKeys.BoundSections)
        {
            if (!raw.Values.TryGetValue(ConfigKeys.Section(section), out var text))
                continue;
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                node = JsonValue.Create(text);
            }
            if (node is not JsonObject)
            {
                errors.Add(new SpecError(ConfigKeys.Section(section), text, $"an object belongs here; allowed keys: {ConfigShape.AllowedKeys(section)}"));
                continue;
            }
            var wrapped = new JsonObject { [section] = node.DeepClone() };
            builder.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(wrapped.ToJsonString())));
        }
        builder.AddEnvironmentVariables(ConfigKeys.EnvironmentPrefix);
        var configuration = builder.Build();

        errors.AddRange(ConfigShape.Check(configuration));
        if (errors.Count > 0)
            return (null, errors);

        var config = configuration.Get<StackConfig>() ?? new StackConfig();
        var cluster = config.Cluster ?? new ClusterConfig();
        var network = config.Network ?? new NetworkConfig();
        var compute = config.Compute ?? new ComputeConfig();
        var security = config.Security ?? new SecurityConfig();
        var dataAccess = config.DataAccess ?? new DataAccessConfig();
        var engine = config.Engine ?? new EngineConfig();
        var policy = config.Policy ?? new PolicyConfig();
        // The cluster name defaults to the stack's name, and is checked like a given one.
        var nameFromStack = cluster.Name is null;
        cluster.Name ??= raw.StackName;

        var clusterResult = new ClusterValidator(nameFromStack).Validate(cluster);
        errors.AddRange(ToErrors(clusterResult, "cluster"));
        var region = clusterResult.Errors.Any(e => e.PropertyName is nameof(ClusterConfig.Region) or nameof(ClusterConfig.Billing))
            ? null
            : cluster.Region;
        errors.AddRange(ToErrors(new NetworkValidator(region).Validate(network), "network"));
        var zoneIds = network.Zones.Select(z => z.Id).OfType<string>().ToList();
        errors.AddRange(ToErrors(new ComputeValidator(zoneIds).Validate(compute), "compute"));
        errors.AddRange(ToErrors(new SecurityValidator().Validate(security), "security"));
        errors.AddRange(ToErrors(new DataAccessValidator(region).Validate(dataAccess), "dataAccess"));
        errors.AddRange(ToErrors(new EngineValidator().Validate(engine), "engine"));
        errors.AddRange(PolicyLevels.Check(policy));
        if (errors.Count > 0)
            return (null, errors);

        var networkSpec = BuildNetwork(network, errors);
        if (errors.Count > 0)
            return (null, errors);

        var reached = dataAccess.Endpoints.Select(e => ($"data endpoint {e.Name}'s", e.Cidr ?? $"{e.Host}/32")).ToList();
        var computeSpec = ComputeSpecBuilder.Build(compute, networkSpec!, reached, errors);
        if (errors.Count > 0)
            return (null, errors);

        var securitySpec = IsolationSpecBuilder.BuildSecurity(security);
        var dataAccessSpec = IsolationSpecBuilder.BuildDataAccess(dataAccess, networkSpec!, computeSpec!, errors);
        if (errors.Count > 0)
            return (null, errors);

        var billing = SpecDefaults.ParseBilling(cluster.Billing ?? "") ?? SpecDefaults.Billing;
        var clusterSpec = new ClusterSpec(
            cluster.Name,
            cluster.Region!,
            billing,
            cluster.Tags.ToImmutableSortedDictionary(StringComparer.Ordinal));
        var engineSpec = EngineSpecBuilder.Build(engine, clusterSpec, computeSpec!, errors);
        if (errors.Count > 0)
            return (null, errors);
        return (new StackSpec(clusterSpec, networkSpec!, computeSpec!, securitySpec, dataAccessSpec!, engineSpec!, PolicyLevels.Build(policy)), errors);
    }

    private static IEnumerable<SpecError> ToErrors(ValidationResult result, string section)
        => result.Errors.Select(failure => new SpecError(
            $"{ConfigKeys.Section(section)}.{ConfigKeys.PathFromPropertyChain(failure.PropertyName)}",
            Given(failure.AttemptedValue),
            failure.ErrorMessage));

    /// <summary>How a value given appears in a message; lists as their items, zones by id.</summary>
    private static string? Given(object? value)
        => value switch
        {
            null => null,
            string text => text,
            System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(NameOf)) + "]",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>A list item in a message: a config object by its name or id, anything else as text.</summary>
    private static string? NameOf(object? item)
    {
        if (item is null || item is string || item.GetType().IsPrimitive)
            return Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var identity in new[] { "Name", "Id", "SecurityGroupId" })
        {
            if (item.GetType().GetProperty(identity)?.GetValue(item) is string value)
                return value;
        }
        return item.GetType().Name;
    }

    /// <summary>Plans the vSwitch blocks of the zones that do not give one.</summary>
    private static IReadOnlyList<IPNetwork2>? PlanOrReport(IPNetwork2 vpc, byte prefix, List<IPNetwork2?> explicitBlocks, List<IPNetwork2> used,
        NetworkConfig network, string what, List<SpecError> errors)
    {
        var plan = CidrPlanner.Plan(new CidrPlanner.Request(vpc, prefix, explicitBlocks, used));
        if (plan != null)
            return plan;
        var needed = explicitBlocks.Count(b => b is null);
        var free = CidrPlanner.FreeBlocks(vpc, prefix, used.Concat(explicitBlocks.OfType<IPNetwork2>()).ToList(), needed);
        errors.Add(new SpecError($"{ConfigKeys.Section("network")}.zones", string.Join(", ", network.Zones.Select(z => z.Id)),
            $"{needed} zone(s) need a free /{prefix} {what} block each but the VPC's {vpc} has {free} left; allowed: a larger network.cidrBlock, longer network.vswitchPrefixLength or podVswitchPrefixLength, fewer zones, or explicit zones[].cidrBlock and podCidrBlock"));
        return null;
    }

    private static NetworkSpec? BuildNetwork(NetworkConfig network, List<SpecError> errors)
    {
        var vpc = SpecDefaults.VpcNetwork(network)!;
        var prefix = network.VswitchPrefixLength ?? SpecDefaults.VswitchPrefixLength;
        if (prefix < vpc.Cidr)
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("network")}.vswitchPrefixLength", prefix.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a vSwitch cannot be larger than its VPC ({vpc}); allowed: {Math.Max((int)vpc.Cidr, AlibabaCloud.VswitchMinPrefixLength)} to {AlibabaCloud.VswitchMaxPrefixLength}"));
            return null;
        }

        var podPrefix = network.PodVswitchPrefixLength ?? Math.Max(ClusterDefaults.PodVswitchPrefixLength, (int)vpc.Cidr);
        if (podPrefix < vpc.Cidr)
        {
            errors.Add(new SpecError($"{ConfigKeys.Section("network")}.podVswitchPrefixLength", podPrefix.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"a vSwitch cannot be larger than its VPC ({vpc}); allowed: {Math.Max((int)vpc.Cidr, AlibabaCloud.VswitchMinPrefixLength)} to {AlibabaCloud.VswitchMaxPrefixLength}"));
            return null;
        }

        var used = network.UsedCidrBlocks.Select(IPNetwork2.Parse).ToList();
        var explicitNodeBlocks = network.Zones.Select(z => z.CidrBlock is null ? null : IPNetwork2.Parse(z.CidrBlock)).ToList();
        var explicitPodBlocks = network.Zones.Select(z => z.PodCidrBlock is null ? null : IPNetwork2.Parse(z.PodCidrBlock)).ToList();

        // Node vSwitches first, then pod vSwitches around them; blocks given for either are kept.
        var nodePlan = PlanOrReport(vpc, (byte)prefix, explicitNodeBlocks, used.Concat(explicitPodBlocks.OfType<IPNetwork2>()).ToList(), network, "vSwitch", errors);
        if (nodePlan == null)
            return null;
        var podPlan = PlanOrReport(vpc, (byte)podPrefix, explicitPodBlocks, used.Concat(nodePlan).ToList(), network, "pod vSwitch", errors);
        if (podPlan == null)
            return null;

        var zones = network.Zones
            .Select((zone, i) => new ZoneSpec(zone.Id!, nodePlan[i].ToString(), Planned: zone.CidrBlock is null, podPlan[i].ToString(), PodPlanned: zone.PodCidrBlock is null))
            .ToImmutableArray();
        var egress = new InternetEgressSpec(network.InternetEgress?.Enabled ?? false, network.InternetEgress?.BandwidthMbps ?? SpecDefaults.EgressBandwidthMbps);
        return new NetworkSpec(network.VpcId, vpc.ToString(), used.Select(u => u.ToString()).ToImmutableArray(), zones, egress);
    }
}
