using System;
using System.Linq;
using BlinkInfra.Config;

namespace BlinkInfra.Stacks;

/// <summary>
/// A file or command line that cannot be used; the CLI reports its message and exits with code 2. The
/// message quotes paths, keys and values a user wrote, so it is shown through <see cref="UserText"/>:
/// key material masked, every control character escaped.
/// </summary>
public sealed class StackFileException : Exception
{
    public StackFileException(string message) : base(UserText.Shown(message))
    {
    }

    private StackFileException(string shown, bool _) : base(shown)
    {
    }

    /// <summary>Several problems of one file, a line each: every line shown through UserText on its own, so only these line breaks reach the terminal.</summary>
    public static StackFileException Lines(string header, System.Collections.Generic.IEnumerable<string> lines)
        => new(string.Join("\n", new[] { UserText.Shown(header) }.Concat(lines.Select(line => "  " + UserText.Shown(line)))), true);
}
