using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>The tags the config allows, as the program puts them on resources (the limit itself: tests/Model/Config/ConfigTests.cs).</summary>
public class TagsOnResourcesTests
{
    [Test]
    public async Task No_resource_carries_more_than_20_tags()
    {
        var yaml = StackRunner.DevConfig.Replace("    tags:\n      team: data-platform\n", "    tags:\n" + string.Concat(Enumerable.Range(1, 16).Select(i => $"      tag{i}: v{i}\n")));
        var (_, mocks) = await StackRunner.RunAsync(yaml);

        var tagged = mocks.Resources.Where(r => r.Inputs.ContainsKey("tags")).ToList();
        Assert.That(tagged, Is.Not.Empty);
        Assert.That(tagged.Select(r => ((System.Collections.Immutable.ImmutableDictionary<string, object>)r.Inputs["tags"]).Count).Max(), Is.EqualTo(AlibabaCloud.MaxTagsPerResource));
    }
}
