using System.IO;
using System.Threading.Tasks;
using BlinkInfra.Stacks;

namespace BlinkInfra.Cli;

/// <summary>
/// The files a verb writes (--json, --html, --graph). A folder that is not there is the caller's
/// mistake, said in one error line with the verb's exit code for bad input, not an internal error.
/// </summary>
internal static class OutputFile
{
    /// <summary>Checks, before a verb does any work, that each file it was asked to write has its folder ("-" is standard output).</summary>
    public static void CheckFolders(params (string Flag, string? Path)[] outputs)
    {
        foreach (var (flag, path) in outputs)
            if (path is not null and not "-")
                CheckFolder(flag, path);
    }

    public static Task WriteAsync(string flag, string path, string text)
    {
        CheckFolder(flag, path);
        return File.WriteAllTextAsync(path, text);
    }

    private static void CheckFolder(string flag, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new StackFileException($"{flag} {path}: the folder {folder} does not exist; allowed: a file in an existing folder");
    }
}
