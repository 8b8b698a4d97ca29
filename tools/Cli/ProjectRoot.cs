using System;
using System.IO;

namespace BlinkInfra.Cli;

/// <summary>Finds the project: the folder holding Pulumi.yaml, above the working directory or else above the program.</summary>
public static class ProjectRoot
{
    /// <summary>Where the stack files are; Pulumi.yaml's stackConfigDir says the same.</summary>
    public const string StackConfigDir = "stacks";

    public static string? Find()
        => FindFrom(Directory.GetCurrentDirectory()) ?? FindFrom(AppContext.BaseDirectory);

    private static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
                return dir.FullName;
        }
        return null;
    }
}
