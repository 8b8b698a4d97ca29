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
    public static Task WriteAsync(string flag, string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new StackFileException($"{flag} {path}: the folder {folder} does not exist; allowed: a file in an existing folder");
        return File.WriteAllTextAsync(path, text);
    }
}
