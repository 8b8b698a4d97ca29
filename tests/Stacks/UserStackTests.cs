using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// stacks/ holds the examples (an explicit list, <see cref="TestPaths.ExampleStackNames"/>: each has a pinned
/// plan and a CrossGuard fixture) and whatever stacks the user adds (`./blink init` writes them there). The
/// user's are checked where it makes sense (they load and plan), never compared with a pin, so adding one
/// leaves the suite green.
/// </summary>
public class UserStackTests
{
    [Test]
    public void The_example_stacks_are_the_listed_ones_each_with_its_pinned_plan()
    {
        foreach (var stack in TestPaths.ExampleStackNames)
            Assert.That(File.Exists(TestPaths.ExampleStack(stack)), $"stacks/Pulumi.{stack}.yaml");
        // A pinned plan of a stack not in the list would never be compared: the two agree.
        var pinned = Directory.GetFiles(TestPaths.FixtureSource("plans"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.That(pinned, Is.EqualTo(TestPaths.ExampleStackNames));
        var fixtures = Directory.GetFiles(TestPaths.CrossGuard("test", "fixtures"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.That(fixtures, Is.EqualTo(TestPaths.ExampleStackNames));
    }

    [Test]
    public async Task Every_stack_of_the_users_own_loads_and_plans()
    {
        var stacks = TestPaths.UserStacks();
        if (stacks.Length == 0)
            Assert.Ignore("stacks/ holds only the examples: no stack of the user's to check");
        foreach (var path in stacks)
            await AssertLoadsAndPlans(path);
    }

    [Test]
    public async Task A_stack_init_adds_is_the_users_and_leaves_the_examples_and_their_pins_alone()
    {
        using var project = new TempProject();

        var (exit, output, errors) = await project.Run("init", "--name", "trial", "--region", "cn-beijing");

        Assert.That(exit, Is.EqualTo(0), errors);
        var trial = Path.Combine(project.Root, "stacks", "Pulumi.trial.yaml");
        Assert.That(output, Does.StartWith($"Wrote {trial}:\n"));
        Assert.That(TestPaths.UserStacks(project.Root), Is.EqualTo(new[] { trial }));
        Assert.That(Directory.GetFiles(Path.Combine(project.Root, "stacks")), Has.Length.EqualTo(TestPaths.ExampleStackNames.Length + 1));
        // What the suite does with each kind: the user's stack is loaded and planned, ...
        await AssertLoadsAndPlans(trial);
        // ... the examples beside it still plan exactly as pinned (the offline SDK's pins).
        if (SdkInfo.IsOffline)
        {
            foreach (var stack in TestPaths.ExampleStackNames)
            {
                var json = PlanFile.Json(await BlinkCli.PlanStackAsync(StackFile.Load(Path.Combine(project.Root, "stacks", $"Pulumi.{stack}.yaml")))) + "\n";
                Assert.That(json, Is.EqualTo(await File.ReadAllTextAsync(TestPaths.FixtureSource(Path.Combine("plans", $"{stack}.json")))), stack);
            }
        }
        // ... and the CLI lists it with them.
        var (unknown, _, unknownErrors) = await project.Run("plan", "--stack", "nope");
        Assert.That(unknown, Is.EqualTo(2));
        Assert.That(unknownErrors, Does.EndWith("does not exist; stacks here: dev, gpu-shanghai, prod-hangzhou, trial\n"));
    }

    private static async Task AssertLoadsAndPlans(string path)
    {
        var file = StackFile.Load(path);
        var (spec, loadErrors) = SpecLoader.TryLoad(file.ToRaw(), PolicyEngine.PolicyNames);
        Assert.That(loadErrors.Select(e => e.Message), Is.Empty, $"{path} does not load");
        var plan = await Planner.PlanAsync(spec!, file.StackName);
        Assert.That(plan.Resources, Is.Not.Empty, $"{path} plans nothing");
    }
}

/// <summary>
/// A copy of the project's Pulumi.yaml and example stacks in a temporary folder, made the working
/// directory while the CLI runs in process (the CLI finds the project from there), so a test may add
/// stacks without touching the repository's stacks/. Tests run serially, so the working directory is theirs.
/// </summary>
public sealed class TempProject : IDisposable
{
    public string Root { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"blink-project-{Guid.NewGuid():N}")).FullName;

    public TempProject()
    {
        File.Copy(Path.Combine(TestPaths.ProjectRoot, "Pulumi.yaml"), Path.Combine(Root, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(Root, "stacks"));
        foreach (var stack in TestPaths.ExampleStacks())
            File.Copy(stack, Path.Combine(Root, "stacks", Path.GetFileName(stack)));
    }

    public async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Root);
        try
        {
            return await CliRunner.Run(args);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
