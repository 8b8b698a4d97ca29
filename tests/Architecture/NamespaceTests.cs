using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests.Architecture;

/// <summary>
/// One concern, one name, one folder: a file's namespace is its project's root namespace followed by
/// the folders it sits in below the project (infra/Network/ClusterNetwork.cs is BlinkInfra.Network),
/// or a namespace those folders are sections of (infra/Config/Network/Cidr.cs is BlinkInfra.Config).
/// A file directly under BlinkInfra is only at the top of its project (infra/BlinkStack.cs). So the
/// folder names the namespace, and the namespace the folder (and so the project, README Layout).
/// </summary>
public class NamespaceTests
{
    private sealed record SourceProject(string Folder, string RootNamespace);

    /// <summary>The program's projects (the rings): each project file's folder and root namespace.</summary>
    private static List<SourceProject> Projects()
        => new[] { "infra", "tools", "policies" }
            .SelectMany(top => Directory.GetFiles(Path.Combine(TestPaths.ProjectRoot, top), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !Ignored(Relative(path)))
            .Select(path => new SourceProject(Relative(Path.GetDirectoryName(path)!),
                XDocument.Load(path).Descendants("RootNamespace").Single().Value))
            .ToList();

    private static string Relative(string path) => Path.GetRelativePath(TestPaths.ProjectRoot, path).Replace('\\', '/');

    // Build outputs, and Node's folders (the CrossGuard pack, the plan page's build), whose packages may hold C#.
    private static bool Ignored(string relative)
        => relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules") || relative.StartsWith("policies/crossguard/", StringComparison.Ordinal)
           || relative.StartsWith("tools/PlanPage/web/", StringComparison.Ordinal);

    private static readonly Regex NamespaceLine = new(@"^namespace ([\w.]+);", RegexOptions.Multiline);

    [Test]
    public void Every_source_file_s_namespace_is_named_by_its_folders()
    {
        var projects = Projects();
        Assert.That(projects.Select(p => p.Folder), Is.SupersetOf(new[] { "infra", "infra/Config", "infra/Facts", "tools", "tools/Stacks", "tools/Plan", "tools/State", "tools/Diff", "policies" }));

        var wrong = new List<string>();
        foreach (var project in projects)
        {
            foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.ProjectRoot, project.Folder), "*.cs", SearchOption.AllDirectories))
            {
                var file = Relative(path);
                // A file below a nested project is that project's.
                if (Ignored(file) || projects.Any(other => other.Folder.Length > project.Folder.Length && file.StartsWith(other.Folder + "/", StringComparison.Ordinal)))
                    continue;
                var folders = Path.GetDirectoryName(file)!.Replace('\\', '/')[project.Folder.Length..].Trim('/');
                var match = NamespaceLine.Match(File.ReadAllText(path));
                if (!match.Success || !Named(match.Groups[1].Value, project.RootNamespace, folders))
                    wrong.Add($"{file}: namespace {(match.Success ? match.Groups[1].Value : "(none)")} in project {project.Folder} ({project.RootNamespace})");
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    /// <summary>Whether a namespace is the root namespace and then folders the file sits in, from the project's folder down.</summary>
    private static bool Named(string ns, string root, string folders)
    {
        if (ns != root && !ns.StartsWith(root + ".", StringComparison.Ordinal))
            return false;
        var below = ns == root ? Array.Empty<string>() : ns[(root.Length + 1)..].Split('.');
        var path = folders.Length == 0 ? Array.Empty<string>() : folders.Split('/');
        // BlinkInfra alone is the top of a project only: a room's files carry the room's name.
        if (ns == "BlinkInfra" && path.Length > 0)
            return false;
        return below.Length <= path.Length && below.SequenceEqual(path.Take(below.Length));
    }

    [TestCase("BlinkInfra.Network", "BlinkInfra", "Network", true)]
    [TestCase("BlinkInfra", "BlinkInfra", "", true)]
    [TestCase("BlinkInfra", "BlinkInfra", "Network", false)]
    [TestCase("BlinkInfra.Config", "BlinkInfra.Config", "Network", true)]
    [TestCase("BlinkInfra.Policies.Packs", "BlinkInfra.Policies", "Packs", true)]
    [TestCase("BlinkInfra.Compute", "BlinkInfra", "Network", false)]
    [TestCase("BlinkInfra.Plan", "BlinkInfra", "Recorder", false)]
    public void The_rule(string ns, string root, string folders, bool named)
    {
        Assert.That(Named(ns, root, folders), Is.EqualTo(named));
    }
}
