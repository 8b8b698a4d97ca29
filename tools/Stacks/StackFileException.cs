using System;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlinkInfra.Stacks;

/// <summary>A stack file that cannot be read; the CLI reports its message and exits with code 2.</summary>
public sealed class StackFileException : Exception
{
    public StackFileException(string message) : base(message)
    {
    }
}
