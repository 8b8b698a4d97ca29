using System;
using System.Collections.Generic;
using BlinkInfra.Stacks;

namespace BlinkInfra.Tests;

/// <summary>
/// Stack files as tests start from them, read as the CLI reads them. Shared by the model's tests and
/// the others (tests/BlinkInfra.Tests.csproj compiles this folder too); running a stack under mocks is
/// the other half of StackRunner, beside the program's tests (tests/Support/TestSupport.cs).
/// </summary>
public static partial class StackRunner
{
    public const string Project = "blink-infra";

    /// <summary>The example dev stack's config, as tests start from it.</summary>
    public const string DevConfig = """
        config:
          blink-infra:cluster:
            name: blink-dev
            region: cn-hangzhou
            tags:
              team: data-platform
          blink-infra:network:
            cidrBlock: 10.10.0.0/16
            vswitchPrefixLength: 20
            zones:
              - id: cn-hangzhou-h
              - id: cn-hangzhou-i
              - id: cn-hangzhou-j
        """ + SmallCompute;

    /// <summary>A compute block for tests about other sections: one master, one small CPU pool.</summary>
    public const string SmallCompute = "\n" + """
          blink-infra:compute:
            highAvailability: false
            workerPools:
              - name: cpu
                family: g7
                instanceTypes: [ecs.g7.xlarge]
                nodes: 2
        """;

    public static StackFile Stack(string yaml, string stackName = "dev") => StackFile.Parse(yaml, stackName, $"Pulumi.{stackName}.yaml");

    /// <summary>A stack file's config with one secret as the engine passes it: decrypted, its key among the secret keys.</summary>
    public static RawStackConfig WithSecret(string yaml, string key, string value)
    {
        var raw = Stack(yaml).ToRaw();
        return raw with { Values = raw.Values.SetItem(key, value), SecretKeys = raw.SecretKeys.Add(key) };
    }

    /// <summary>
    /// The policy names the model's tests load stacks with: none, for their stacks set no policy levels
    /// (which names blink-infra:policy.levels takes is the policies' to say, tests/Policies).
    /// </summary>
    public static readonly IReadOnlyCollection<string> NoPolicyNames = Array.Empty<string>();
}
