using System;
using System.IO;
using BlinkInfra.Plan;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace BlinkInfra.Tests;

/// <summary>
/// A test that cannot run here is skipped, with its reason, when NUnit builds the tests: the attribute
/// sets the test's RunState before anything of it runs (IApplyToTest, as NUnit's own IgnoreAttribute
/// does), so no SetUp, no body and no TearDown runs, under every NUnit version since 3.0.
/// Never skip from a [SetUp] or [OneTimeSetUp], nor with Assume (Inconclusive): NUnit 4.4.0 runs the
/// test body after an Assume.That or Assert.Inconclusive that failed in a SetUp (nunit/nunit#5026,
/// #5084: since #4537 the SetUp's exception is recorded and the test goes on), and the VSTest adapter
/// does not report Inconclusive as skipped (nunit/nunit#5029). On a class the reason reaches each test
/// of the fixture, prefixed "OneTimeSetUp: " by NUnit.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class SkipUnlessAttribute : NUnitAttribute, IApplyToTest
{
    /// <summary>Why the test cannot run here; null when it can.</summary>
    protected abstract string? WhyNot();

    public void ApplyToTest(Test test)
    {
        // A test that is already not runnable or skipped keeps its own reason.
        if (test.RunState is RunState.NotRunnable or RunState.Ignored or RunState.Skipped)
            return;
        if (WhyNot() is not { } reason)
            return;
        // Ignored, as NUnit's IgnoreAttribute sets it: the VSTest adapter (NUnit3TestAdapter 5.2.0) counts an
        // Ignored test as skipped, with its reason, but leaves a Skipped one out of the totals (outcome None).
        test.RunState = RunState.Ignored;
        test.Properties.Set(PropertyNames.SkipReason, reason);
    }
}

/// <summary>Runs only when the program is built against BlinkInfra's offline SDK; the reason says why the test cannot hold on the real packages.</summary>
public sealed class OfflineSdkOnlyAttribute(string why) : SkipUnlessAttribute
{
    protected override string? WhyNot()
        => SdkInfo.IsOffline ? null : $"built against the real Pulumi packages; this test needs BlinkInfra's offline SDK: {why}";
}

/// <summary>Runs only where ../shared/&lt;name&gt; is beside the checkout (this workplace's copy of facts about the real packages).</summary>
public sealed class NeedsSharedAttribute(string name, string why) : SkipUnlessAttribute
{
    protected override string? WhyNot()
        => Directory.Exists(TestPaths.Shared(name)) ? null : $"{TestPaths.Shared(name)} is not beside this checkout; {why}";
}

/// <summary>
/// Runs only where the native CLI (Native AOT, bin/offline/aot/BlinkInfra) can exist and was built for
/// these sources: the offline SDK, a finished build (./blink writes .blink/aot-offline.stamp once the
/// build succeeded, and removes it while one runs), and native builds on (BLINKINFRA_AOT=off neither
/// builds nor runs it, so a binary left from earlier may answer for older sources).
/// </summary>
public sealed class NeedsNativeCliAttribute : SkipUnlessAttribute
{
    public static string NativeCli => Path.Combine(TestPaths.ProjectRoot, "bin", "offline", "aot", "BlinkInfra");

    private static string Stamp => Path.Combine(TestPaths.ProjectRoot, ".blink", "aot-offline.stamp");

    protected override string? WhyNot()
    {
        if (!SdkInfo.IsOffline)
            return "built against the real Pulumi packages; the native CLI is built with the offline SDK only, so there is none to compare";
        if (Environment.GetEnvironmentVariable("BLINKINFRA_AOT") == "off")
            return "BLINKINFRA_AOT=off: ./blink neither builds nor runs the native CLI, so one left in bin/offline/aot/ may answer for older sources";
        if (!File.Exists(NativeCli) || !File.Exists(Stamp))
            return $"{NativeCli} is not built (or its build did not finish): ./blink test and ./blink build build it";
        return null;
    }
}

/// <summary>Runs only when an environment variable asks for it (tools kept as tests, such as the rewriting of generated files).</summary>
public sealed class NeedsVariableAttribute(string name, string value, string why) : SkipUnlessAttribute
{
    protected override string? WhyNot()
        => Environment.GetEnvironmentVariable(name) == value ? null : $"{name} is not {value}; {why}";
}
