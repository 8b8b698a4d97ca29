using System;
using System.IO;
using BlinkInfra.Stacks;

namespace BlinkInfra.Tests;

/// <summary>Where the tests find what they read: the project, its example stacks, the vendored fixtures and ../shared.</summary>
public static class TestPaths
{
    /// <summary>The folder holding Pulumi.yaml, above the test binaries.</summary>
    public static string ProjectRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("no Pulumi.yaml above the test binaries");
        }
    }

    /// <summary>
    /// The example stacks, by name: the stack files the project ships, each with a pinned plan
    /// (tests/Fixtures/plans) and a CrossGuard fixture (policies/crossguard/test/fixtures), in name order.
    /// An explicit list, never the folder's listing: any other file in stacks/ is a user's own stack
    /// (`./blink init` writes one there), checked by <see cref="UserStacks"/>'s tests, never compared with a pin.
    /// </summary>
    public static readonly string[] ExampleStackNames = ["dev", "gpu-shanghai", "prod-hangzhou"];

    /// <summary>An example stack's file: stacks/Pulumi.&lt;stack&gt;.yaml.</summary>
    public static string ExampleStack(string stack) => Path.Combine(ProjectRoot, "stacks", $"Pulumi.{stack}.yaml");

    /// <summary>Every example stack's file, in name order.</summary>
    public static string[] ExampleStacks() => Array.ConvertAll(ExampleStackNames, ExampleStack);

    /// <summary>The stack files in a project's stacks/ (default: this project's) that are not examples: the user's own, in name order.</summary>
    public static string[] UserStacks(string? projectRoot = null)
    {
        var folder = Path.Combine(projectRoot ?? ProjectRoot, "stacks");
        if (!Directory.Exists(folder))
            return [];
        var files = Array.FindAll(Directory.GetFiles(folder, "Pulumi.*.yaml"),
            file => Array.IndexOf(ExampleStackNames, StackFile.StackNameOf(file)) < 0);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>A fixture copied beside the test binaries from tests/Fixtures.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A fixture's place in the source tree, for tests that rewrite it on request.</summary>
    public static string FixtureSource(string name) => Path.Combine(ProjectRoot, "tests", "Fixtures", name);

    /// <summary>The CrossGuard policy pack's folder, policies/crossguard, and what it holds.</summary>
    public static string CrossGuard(params string[] parts) => Path.Combine([ProjectRoot, "policies", "crossguard", .. parts]);

    /// <summary>../shared beside the repository, where this workplace keeps facts about the real packages.</summary>
    public static string Shared(string name) => Path.GetFullPath(Path.Combine(ProjectRoot, "..", "shared", name));
}
