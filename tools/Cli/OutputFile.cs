using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Stacks;

namespace BlinkInfra.Cli;

/// <summary>
/// The files a verb writes (--json, --html, --graph). `-` means standard output for every one of them,
/// in place of the verb's text, so a pipe gets that one document alone; two outputs cannot both take it.
/// A folder that is not there is the caller's mistake, said in one error line with the verb's exit code
/// for bad input, not an internal error.
/// </summary>
internal static class OutputFile
{
    /// <summary>The path that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>
    /// Checks, before a verb does any work, that each file it was asked to write has its folder and
    /// that at most one output is `-`. Returns the flag whose output takes standard output, or null.
    /// </summary>
    public static string? Check(params (string Flag, string? Path)[] outputs)
    {
        var toStandardOutput = outputs.Where(o => o.Path == StandardOutput).Select(o => o.Flag).ToArray();
        if (toStandardOutput.Length > 1)
            throw new StackFileException(DiagnosticCatalogue.OutputFileInvalid, 
                $"{string.Join(" and ", toStandardOutput.Select(flag => $"{flag} -"))}: only one output can go to standard output (`-`, in place of the text); "
                + "allowed: `-` for one of them, a file for the others");
        foreach (var (flag, path) in outputs)
            if (path is not null and not StandardOutput)
                CheckFolder(flag, path);
        return toStandardOutput.SingleOrDefault();
    }

    /// <summary>Writes one output: to its file, or for `-` to standard output.</summary>
    public static Task WriteAsync(string flag, string path, string text, TextWriter standardOutput)
    {
        if (path == StandardOutput)
            return standardOutput.WriteAsync(text);
        CheckFolder(flag, path);
        return File.WriteAllTextAsync(path, text);
    }

    private static void CheckFolder(string flag, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new StackFileException(DiagnosticCatalogue.OutputFileInvalid, $"{flag} {path}: the folder {folder} does not exist; allowed: a file in an existing folder");
    }
}
