using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace BlinkInfra.Tests;

/// <summary>
/// Skips a test, when NUnit builds it, where a program it runs is not on the PATH, saying which: decided at discovery, so
/// every NUnit version honours it (never by Assume or Assert.Ignore inside the test).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class NeedsProgramAttribute : NUnitAttribute, IApplyToTest
{
    public NeedsProgramAttribute(string program, string why)
    {
        Program = program;
        Why = why;
    }

    public string Program { get; }

    public string Why { get; }

    public static string? Find(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    public void ApplyToTest(Test test)
    {
        if (test.RunState == RunState.NotRunnable || Find(Program) is not null)
            return;
        test.RunState = RunState.Ignored;
        test.Properties.Set(PropertyNames.SkipReason, $"{Program} is not on the PATH: {Why}");
    }
}
