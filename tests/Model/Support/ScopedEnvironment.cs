using System;

namespace BlinkInfra.Tests;

/// <summary>Sets environment variables for a scope and restores what was there before.</summary>
public sealed class ScopedEnvironment : IDisposable
{
    private readonly (string Name, string? Previous)[] _saved;

    public ScopedEnvironment(params (string Name, string? Value)[] variables)
    {
        _saved = Array.ConvertAll(variables, v => (v.Name, Environment.GetEnvironmentVariable(v.Name)));
        foreach (var (name, value) in variables)
            Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, previous) in _saved)
            Environment.SetEnvironmentVariable(name, previous);
    }
}
