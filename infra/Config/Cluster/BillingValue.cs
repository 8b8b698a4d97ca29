using System.Linq;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// `cluster.billing`, a billing mode's name (`pay-as-you-go`, `subscription`), read once, as the config is read: the
/// text as written; the mode it names; or why it names none. The region's rules and the spec take the mode.
/// </summary>
public sealed record BillingValue : IConfigValue
{
    private BillingValue(string text, BillingMode? mode, string? problem)
    {
        Text = text;
        Mode = mode;
        Problem = problem;
    }

    public string Text { get; }

    /// <summary>The billing mode; null when the text names none.</summary>
    public BillingMode? Mode { get; }

    /// <summary>Why the text names no billing mode, with what is allowed; or null.</summary>
    public string? Problem { get; }

    /// <summary>The value of a config text: the one place the config's billing mode is read from its name.</summary>
    public static BillingValue Parse(string text)
    {
        ConfigValues.Parsed();
        return SpecDefaults.ParseBilling(text) is { } mode
            ? new BillingValue(text, mode, null)
            : new BillingValue(text, null, $"unknown billing mode; allowed: {string.Join(", ", AlibabaCloud.BillingModes.Select(b => b.Name))}");
    }

    /// <summary>The text as given, as messages quote it.</summary>
    public override string ToString() => Text;
}
