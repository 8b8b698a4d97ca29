using System.Threading;

namespace BlinkInfra.Config;

/// <summary>
/// A config value written in a small format of its own (a CIDR block, host:port, a port range, a host, a role's ARN, a
/// Kubernetes version, a start time), parsed once, as the config is read (<see cref="ConfigShape.Read"/>, by the type's
/// static Parse, the one place its text is parsed): the text as given, which messages quote; its parts; or why the text
/// is none, which the section's validator reports with its key and code. Validators and builders read the parts.
/// </summary>
public interface IConfigValue
{
    /// <summary>The text as the config gave it.</summary>
    string Text { get; }

    /// <summary>Why the text is not a value of the format (with what is allowed, unless that depends on another key), or null.</summary>
    string? Problem { get; }
}

/// <summary>
/// The shape every <see cref="IConfigValue"/> type shares: the text and the problem, counted once per value made (each
/// type's Parse makes one), and the text as the value's string, as messages quote it. A type adds its parts.
/// </summary>
public abstract record ConfigValue : IConfigValue
{
    protected ConfigValue(string text, string? problem)
    {
        ConfigValues.Parsed();
        Text = text;
        Problem = problem;
    }

    public string Text { get; }

    public string? Problem { get; }

    /// <summary>The text as given, as messages quote it.</summary>
    public sealed override string ToString() => Text;
}

/// <summary>How many texts this process has parsed as <see cref="IConfigValue"/>s, whatever the type (the tests count).</summary>
public static class ConfigValues
{
    private static int _parses;

    internal static int Parses => Volatile.Read(ref _parses);

    /// <summary>Called once for each value made (<see cref="ConfigValue"/>'s constructor).</summary>
    internal static void Parsed() => Interlocked.Increment(ref _parses);
}
