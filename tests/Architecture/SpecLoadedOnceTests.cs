using System.IO;
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
        var mocks = new RecordingMocks();
        StackSpec? deployed = null;
        var before = SpecLoader.Loads;

        var exit = await EngineGate.RunAsync(StackFile.Load(TestPaths.ExampleStack("dev")).ToRaw(), async (spec, options) =>
        {
            deployed = spec;
            await StackRunner.RunAsync(spec, mocks, options: options);
            return 0;
        }, new StringWriter());

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(SpecLoader.Loads - before, Is.EqualTo(1), "planned for the policy check and deployed from one load");
        Assert.That(deployed!.Cluster.Name, Is.EqualTo("blink-dev"));
        Assert.That(mocks.Resources, Is.Not.Empty);
    }
}
