using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Cli;
using BlinkInfra.Config;
using Pulumi;
using Pulumi.Testing;

namespace BlinkInfra.Plan;

/// <summary>
/// Runs a stack offline: its config goes to the program through PULUMI_CONFIG, as the engine would
/// pass it, and the program runs under mocks that record what it declares.
/// </summary>
public static class PlanRunner
{
    /// <summary>Plans a stack file; throws <see cref="SpecException"/> when its config is invalid.</summary>
    public static async Task<StackPlan> PlanAsync(StackFile stackFile)
    {
        // Validate first, so invalid config is reported as such and no resource is declared.
        var spec = SpecLoader.Load(stackFile.ToRaw());

        var recorder = new PlanRecorder(call => OfflineAnswers.Answer(spec, call));
        var options = new BlinkStackOptions { Transformations = [recorder.Transformation] };
        using (new ScopedEnvironment(("PULUMI_CONFIG", stackFile.ToPulumiConfigJson()), ("PULUMI_CONFIG_SECRET_KEYS", stackFile.ToPulumiConfigSecretKeysJson())))
        {
            await Deployment.TestWithServiceProviderAsync<BlinkStack>(
                recorder,
                new SingleStackProvider(() => new BlinkStack(options)),
                new TestOptions { ProjectName = ConfigKeys.Namespace, StackName = stackFile.StackName, IsPreview = true });
        }

        return await recorder.BuildAsync(ConfigKeys.Namespace, stackFile.StackName, SdkInfo.Kind, SettingsOf(spec));
    }

    /// <summary>What policies need to know of the spec beyond the resources.</summary>
    public static StackSettings SettingsOf(StackSpec spec)
        => new(spec.Cluster.Region,
            SpecDefaults.BillingName(spec.Cluster.Billing),
            SpecDefaults.ExclusiveMode,
            spec.Compute.HighAvailability,
            spec.Compute.Kubernetes.ApiServerPublic,
            spec.DataAccess.Vswitches.Select(v => v.Id).ToImmutableArray(),
            spec.Engine.Bucket,
            spec.Policy.Levels.ToImmutableSortedDictionary(kv => kv.Key, kv => Policies.EnforcementLevels.Name(kv.Value), StringComparer.Ordinal));
}

/// <summary>
/// Hands Pulumi's TestWithServiceProviderAsync the stack to run, built with its options; the way to
/// run a stack whose constructor takes arguments.
/// </summary>
public sealed class SingleStackProvider : IServiceProvider
{
    private readonly Func<BlinkStack> _create;

    public SingleStackProvider(Func<BlinkStack> create) => _create = create;

    public object? GetService(Type serviceType) => serviceType == typeof(BlinkStack) ? _create() : null;
}

/// <summary>
/// What a plan assumes the cloud would answer to the program's lookups: what the spec states. An
/// existing VPC is taken to exist with the CIDR block the spec gives; a cluster's credentials are a
/// reference (and a secret). `pulumi preview` asks the cloud.
/// </summary>
public static class OfflineAnswers
{
    public static object? Answer(StackSpec spec, MockCallArgs call)
    {
        if (call.Token == Engine.ClusterAccess.CredentialToken && call.Args.TryGetValue("clusterId", out var clusterId))
            return new Dictionary<string, object> { ["kubeConfig"] = $"${{kubeconfig of {clusterId}}}" };
        if (call.Token == Network.ExistingVpc.LookupToken && spec.Network.ExistingVpcId is { } vpcId)
        {
            return new Dictionary<string, object>
            {
                ["vpcs"] = new object[]
                {
                    new Dictionary<string, object> { ["id"] = vpcId, ["cidrBlock"] = spec.Network.VpcCidrBlock },
                },
            };
        }
        return null;
    }
}

/// <summary>Sets environment variables for a scope and restores what was there before.</summary>
public sealed class ScopedEnvironment : IDisposable
{
    private readonly (string Name, string? Previous)[] _saved;

    public ScopedEnvironment(params (string Name, string? Value)[] variables)
    {
        _saved = Array.ConvertAll(variables, v => (v.Name, Environment.GetEnvironmentVariable(v.Name)));
        foreach (var (name, value) in variables)
            Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, previous) in _saved)
            Environment.SetEnvironmentVariable(name, previous);
    }
}
