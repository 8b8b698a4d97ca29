namespace BlinkInfra.Config;

/// <summary>How a secret is shown wherever its value must not be: plans, diffs, reports and messages.</summary>
public static class Secrets
{
    public const string Mask = "[secret]";
}
