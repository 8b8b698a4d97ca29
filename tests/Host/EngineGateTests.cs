using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Pulumi;
using Pulumi.Testing;

namespace BlinkInfra.Tests.Host;

/// <summary>
/// The program under the engine: each kind of stop reported as the engine's error diagnostics and
/// ended with the runner's "already reported" exit code; advisories as warnings on their resources.
/// </summary>
public class EngineGateTests
{
    private const string InvalidRegion = """
        config:
          blink-infra:cluster: {region: eu-west-1}
          blink-infra:network:
            zones: [{id: cn-hangzhou-h}]
        """ + StackRunner.SmallCompute;

    [Test]
    public async Task An_unexpected_failure_before_the_deployment_is_reported_through_the_engine_not_on_stderr()
    {
        var engine = new RecordingMocks();
        string[] errors = Array.Empty<string>();

        var exit = await EngineGate.RunAsync(
            () => throw new InvalidDataException("PULUMI_CONFIG is not JSON"),
            (_, _) => Task.FromResult(0),
            async stop =>
            {
                errors = await RunErrors.Of(() => Deployment.TestAsync(engine, new TestOptions { ProjectName = StackRunner.Project }, stop));
                return GateRunner.StoppedUnderMocks;
            });

        // The runner's report of an exception that is no RunException: its stack trace belongs to a bug.
        Assert.That(exit, Is.EqualTo(GateRunner.StoppedUnderMocks));
        Assert.That(errors.Single(), Does.StartWith("Running program '").And.Contain("failed with an unhandled exception:")
            .And.Contain("System.IO.InvalidDataException: PULUMI_CONFIG is not JSON"));
        Assert.That(engine.Resources, Is.Empty);
    }

    [Test, OfflineSdkOnly("the real Deployment.RunAsync needs an engine (PULUMI_MONITOR); the deploy path is run against a stand-in engine from outside")]
    public async Task A_stop_is_a_deployment_that_declares_nothing_and_ends_as_the_runner_ends_after_a_run_exception()
    {
        var printed = new StringWriter();
        var previous = Console.Error;
        Console.SetError(printed);
        int exit;
        try
        {
            exit = await EngineGate.RunAsync(StackRunner.Stack(InvalidRegion).ToRaw(), (_, _) => Task.FromResult(0), stop => Deployment.RunAsync(stop));
        }
        finally
        {
            Console.SetError(previous);
        }

        // Deployment.Runner.cs: an exception logged (a RunException as its message alone) ends the run with
        // 32, which the language host takes as "already reported" and adds no message of its own.
        Assert.That(exit, Is.EqualTo(32));
        Assert.That(printed.ToString(), Is.EqualTo(
            "error: the stack's config is invalid (1 error), so no resource was declared:\n" +
            "  error BLINK1015: blink-infra:cluster.region = \"eu-west-1\": not a region for pay-as-you-go billing; allowed: cn-hangzhou, cn-beijing, cn-shanghai, cn-shenzhen\n"));
    }

    [Test, OfflineSdkOnly("the offline SDK's RunAsync(Action) mirrors the runner's exit codes; the real one needs an engine (PULUMI_MONITOR)")]
    public async Task Under_the_runner_errors_alone_exit_1_and_a_declared_resource_cannot_be_deployed_offline()
    {
        var previous = Console.Error;
        Console.SetError(new StringWriter());
        try
        {
            Assert.That(await Deployment.RunAsync(() => Log.Warn("only a warning")), Is.EqualTo(0));
            Assert.That(await Deployment.RunAsync(() => Log.Error("an error, no exception")), Is.EqualTo(1));
            Assert.That(await Deployment.RunAsync(() => new Pulumi.AliCloud.Provider("p", new Pulumi.AliCloud.ProviderArgs { Region = "cn-hangzhou" })), Is.EqualTo(32));
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Test]
    public async Task Advisories_are_attached_to_the_resource_they_name_or_to_the_stack()
    {
        var resources = await StackRunner.RunAsync(StackRunner.Spec(StackRunner.DevConfig), new RecordingMocks(), options: new BlinkStackOptions
        {
            Warnings = [new StackWarning("about the pool", "alicloud:cs/nodePool:NodePool", "blink-dev-pool-cpu"), new StackWarning("about the stack")],
        });

        var attached = StackWarning.Attach([
            new StackWarning("about the pool", "alicloud:cs/nodePool:NodePool", "blink-dev-pool-cpu"),
            new StackWarning("about the stack"),
            new StackWarning("about nothing declared", "alicloud:vpc/network:Network", "elsewhere"),
        ], resources);

        Assert.That(attached.Select(a => (a.Warning.Message, a.Resource?.GetResourceName())), Is.EqualTo(new (string, string?)[]
        {
            ("about the pool", "blink-dev-pool-cpu"),
            ("about the stack", null),
            ("about nothing declared", null),
        }));
    }
}
