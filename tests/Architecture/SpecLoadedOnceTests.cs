using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests.Architecture;

/// <summary>The stack's config is read and validated into a spec once per run, whatever runs it.</summary>
public class SpecLoadedOnceTests
{
    [TestCase("plan")]
    [TestCase("check")]
    public async Task A_verb_loads_the_spec_once(string verb)
    {
        var before = SpecLoader.Loads;

        var (exit, _, errors) = await CliRunner.Run(verb, "--stack", "prod-hangzhou");

        Assert.That(exit, Is.EqualTo(0), errors);
        Assert.That(SpecLoader.Loads - before, Is.EqualTo(1));
    }

    [Test]
    public async Task Under_the_engine_the_gate_and_the_deployment_share_one_spec()
    {
        var before = SpecLoader.Loads;

        var (exit, _, options, _, engine) = await GateRunner.RunAsync(StackFile.Load(TestPaths.ExampleStack("dev")).ToRaw());

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(SpecLoader.Loads - before, Is.EqualTo(1), "planned for the policy check and deployed from one load");
        Assert.That(options, Is.Not.Null);
        Assert.That(engine.Resources.Select(r => r.Name), Does.Contain("blink-dev-vpc"));
    }
}
