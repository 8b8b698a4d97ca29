using System;
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
}
