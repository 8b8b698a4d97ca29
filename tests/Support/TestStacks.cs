namespace BlinkInfra.Tests;

/// <summary>Stack file pieces many tests start from.</summary>
public static class TestStacks
{
    /// <summary>
    /// The head of a small stack: cluster blink-t in cn-hangzhou over three zones of a new VPC; a test
    /// adds the sections it is about (compute, engine, ...) at the same indentation as blink-infra:network.
    /// </summary>
    public const string SmallClusterAndNetwork = """
        config:
          blink-infra:cluster:
            name: blink-t
            region: cn-hangzhou
          blink-infra:network:
            zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
        """;
}
