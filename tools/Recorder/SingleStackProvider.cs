using System;

namespace BlinkInfra.Recorder;

/// <summary>
/// Hands Pulumi's RunAsync and TestWithServiceProviderAsync the stack to run, built with its spec and
/// options: the way to run a stack whose constructor takes arguments.
/// </summary>
public sealed class SingleStackProvider : IServiceProvider
{
    private readonly Func<BlinkStack> _create;

    public SingleStackProvider(Func<BlinkStack> create) => _create = create;

    public object? GetService(Type serviceType) => serviceType == typeof(BlinkStack) ? _create() : null;
}
