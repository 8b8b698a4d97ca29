using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests.Plan;

/// <summary>
/// The example stacks' plans, pinned byte for byte (tests/Fixtures/plans/&lt;stack&gt;.json): a change that
/// is meant to leave plans alone (a refactoring) proves it here, and one that changes them shows how in
/// the fixture's diff. Rewrite them after an intended change with
/// BLINKINFRA_UPDATE_PLANS=1 ./blink --sdk offline test --filter ExamplePlanTests
/// </summary>
public class ExamplePlanTests
{
    private static IEnumerable<string> Stacks() => TestPaths.ExampleStacks().Select(StackFile.StackNameOf);

    // The plan records which SDK made it ("sdk": "offline"); under the real SDK the rest is meant to agree (offline-sdk/README.md).
    [TestCaseSource(nameof(Stacks)), OfflineSdkOnly("the pinned plans are the offline SDK's: each records \"sdk\": \"offline\"")]
    public async Task The_example_plan_is_unchanged(string stack)
    {
        // As `plan --json` writes it: the plan, then its bill of materials.
        var json = PlanFile.Json(await BlinkCli.PlanStackAsync(StackFile.Load(TestPaths.ExampleStack(stack)))) + "\n";
        var pinned = TestPaths.FixtureSource(Path.Combine("plans", $"{stack}.json"));

        if (Environment.GetEnvironmentVariable("BLINKINFRA_UPDATE_PLANS") == "1")
            await File.WriteAllTextAsync(pinned, json);

        Assert.That(File.Exists(pinned), Is.True, $"no pinned plan for {stack}: run with BLINKINFRA_UPDATE_PLANS=1");
        Assert.That(json, Is.EqualTo(await File.ReadAllTextAsync(pinned)), $"the plan of {stack} changed; if that was meant, rewrite the pinned plans (see this class's summary)");
    }
}
