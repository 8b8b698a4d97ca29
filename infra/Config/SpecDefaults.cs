using System.Linq;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>The defaults a stack gets for what its config leaves out, and small parsing helpers.</summary>
public static class SpecDefaults
{
    public const BillingMode Billing = BillingMode.PayAsYouGo;
    public const string ExclusiveMode = "exclusive";
    public const string VpcCidrBlock = "10.0.0.0/16";
    public const int VswitchPrefixLength = 24;

    // Source: Alibaba Cloud EIP, pay-by-traffic bandwidth: 1 to 200 Mbit/s.
    public const int EgressBandwidthMbps = 100;
    public const int EgressMaxBandwidthMbps = 200;

    /// <summary>Tag keys BlinkInfra sets on every resource it creates.</summary>
    public const string TagPrefix = "blink.io/";

    public static BillingMode? ParseBilling(string text)
        => AlibabaCloud.BillingModes.Where(b => b.Name == text).Select(b => (BillingMode?)b.Mode).FirstOrDefault();

    public static string BillingName(BillingMode billing)
        => AlibabaCloud.BillingModes.First(b => b.Mode == billing).Name;
}
