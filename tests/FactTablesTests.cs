using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// A few values of each table in infra/Facts, pinned as their sources give them, so an edit that
/// drifts from the source fails here. Each test names the source the comment beside the table names.
/// </summary>
public class FactTablesTests
{
    // Source: "Regions and zones supported by ECI" and "Regions and zones" (read 2026-11-27).
    [Test]
    public void Zones_are_the_full_zone_ids_of_each_region()
    {
        Assert.That(AlibabaCloud.ZonesOf("ap-southeast-1"), Is.EqualTo(new[] { "ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c" }));
        Assert.That(AlibabaCloud.ZonesOf("cn-shanghai"), Is.SupersetOf(new[] { "cn-shanghai-c", "cn-shanghai-d", "cn-shanghai-k", "cn-shanghai-n" }));
        Assert.That(AlibabaCloud.ZonesOf("cn-beijing"), Has.Length.EqualTo(12).And.Contains("cn-beijing-d"));
        Assert.That(AlibabaCloud.ZonesOf("cn-shenzhen"), Is.EqualTo(new[] { "cn-shenzhen-a", "cn-shenzhen-b", "cn-shenzhen-c", "cn-shenzhen-d", "cn-shenzhen-e", "cn-shenzhen-f" }));
        Assert.That(AlibabaCloud.ZonesOf("cn-hongkong"), Is.EqualTo(new[] { "cn-hongkong-b", "cn-hongkong-c", "cn-hongkong-d" }));
        foreach (var region in AlibabaCloud.RegionsFor(BillingMode.Subscription))
            Assert.That(AlibabaCloud.ZonesOf(region), Is.Not.Empty.And.All.StartsWith(region), region);
    }
}
