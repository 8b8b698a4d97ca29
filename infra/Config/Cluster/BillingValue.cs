using System.Linq;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// `cluster.billing`, a billing mode's name (`pay-as-you-go`, `subscription`), read once, as the config is read: the
/// text as written; the mode it names; or why it names none. The region's rules and the spec take the mode.
/// </summary>
public sealed record BillingValue : NameValue<BillingMode>
{
    private BillingValue(string text)
        : base(text, SpecDefaults.ParseBilling(text), "billing mode", string.Join(", ", AlibabaCloud.BillingModes.Select(b => b.Name)))
    {
    }

    /// <summary>The billing mode; null when the text names none.</summary>
    public BillingMode? Mode => Named;

    /// <summary>The value of a config text: the one place the config's billing mode is read from its name.</summary>
    public static BillingValue Parse(string text) => new(text);
}
