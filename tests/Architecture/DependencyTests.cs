using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace BlinkInfra.Tests.Architecture;

/// <summary>
/// The house's one-way flow, kept by reading the sources: the model (facts, config) knows nothing of
/// the program; the program (BlinkStack and its components) knows nothing of the tools; among the
/// tools, none depends on one that depends back on it; only the host (Program.cs) wires them all.
/// </summary>
public class DependencyTests
{
    /// <summary>Each room (a namespace under BlinkInfra), the folder it lives in, and the rooms it may use.</summary>
    private static readonly Dictionary<string, (string Folder, string[] MayUse)> Rooms = new()
    {
        ["Facts"] = ("infra/Facts", Array.Empty<string>()),
        ["Config"] = ("infra/Config", new[] { "Facts" }),
        [""] = ("infra", new[] { "Facts", "Config", "Network", "Security", "Compute", "Engine", "Observability" }),
        ["Network"] = ("infra/Network", new[] { "Facts", "Config" }),
        ["Security"] = ("infra/Security", new[] { "Facts", "Config", "Network" }),
        ["Compute"] = ("infra/Compute", new[] { "Facts", "Config", "Network" }),
        ["Engine"] = ("infra/Engine", new[] { "Facts", "Config", "Network" }),
        ["Observability"] = ("infra/Observability", new[] { "Facts", "Config", "Network" }),
        ["Stacks"] = ("tools/Stacks", new[] { "Config" }),
        ["Plan"] = ("tools/Plan", new[] { "Facts", "Config" }),
        ["Recorder"] = ("tools/Recorder", new[] { "Facts", "Config", "", "Network", "Security", "Compute", "Engine", "Plan" }),
        ["State"] = ("tools/State", new[] { "Facts", "Config", "Plan" }),
        ["Diff"] = ("tools/Diff", new[] { "Facts", "Config", "Plan", "State" }),
        ["Policies"] = ("policies", new[] { "Facts", "Config", "Plan", "Diff", "Policies.Packs" }),
        ["Policies.Packs"] = ("policies/Packs", new[] { "Facts", "Config", "Plan", "Policies" }),
        ["PlanPage"] = ("tools/PlanPage", new[] { "Config", "Plan", "Diff", "Policies" }),
        ["Bill"] = ("tools/Bill", new[] { "Facts", "Config", "Stacks", "Plan" }),
        ["Fleet"] = ("tools/Fleet", new[] { "Facts", "Config", "Stacks", "Plan", "Recorder", "State", "Diff", "Policies", "PlanPage", "Bill" }),
        ["Cli"] = ("tools/Cli", new[] { "Facts", "Config", "Stacks", "Plan", "Recorder", "State", "Diff", "Policies", "PlanPage", "Bill", "Fleet" }),
        ["Host"] = ("tools/Host", new[] { "Config", "", "Stacks", "Plan", "Recorder", "Policies" }),
    };

    private static readonly Regex NamespaceLine = new(@"^namespace BlinkInfra(?:\.(?<room>[\w.]+))?;", RegexOptions.Multiline);
    // "BlinkInfra.X" names room X when X is a room, and the program's root room otherwise (BlinkInfra.BlinkStack);
    // a bare "using BlinkInfra;" is the root room too. Prose such as "BlinkInfra cluster" is no reference.
    private static readonly Regex Reference = new(@"\bBlinkInfra\.(?<room>Policies\.Packs|[A-Z]\w*)|^using BlinkInfra;", RegexOptions.Multiline);

    private static IEnumerable<string> ProgramSources()
        => new[] { "infra", "tools", "policies" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(TestPaths.ProjectRoot, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // The Node.js policy pack, whose node_modules hold C# files of other projects.
            .Where(path => !Path.GetRelativePath(TestPaths.ProjectRoot, path).Replace('\\', '/').StartsWith("policies/crossguard/", StringComparison.Ordinal))
            // The plan page's Node build, whose node_modules may hold C# files too.
            .Where(path => !Path.GetRelativePath(TestPaths.ProjectRoot, path).Replace('\\', '/').StartsWith("tools/PlanPage/web/", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);

    private static string RoomOf(string source)
        => NamespaceLine.Match(source) is { Success: true } match ? match.Groups["room"].Value : throw new InvalidDataException("no namespace");

    private static IEnumerable<string> RoomsUsedBy(string source)
    {
        // Comments may name any room; only code counts.
        var code = Regex.Replace(source, @"//.*$", "", RegexOptions.Multiline);
        code = NamespaceLine.Replace(code, "");
        foreach (Match match in Reference.Matches(code))
        {
            var room = match.Groups["room"].Success ? match.Groups["room"].Value : "";
            if (room == "Tests")
                continue;
            yield return Rooms.ContainsKey(room) ? room : "";
        }
    }

    [Test]
    public void Every_source_file_lives_in_the_folder_of_its_room()
    {
        var misplaced = ProgramSources()
            .Select(path => (Path: Path.GetRelativePath(TestPaths.ProjectRoot, path).Replace('\\', '/'), Room: RoomOf(File.ReadAllText(path))))
            .Where(file => !Rooms.TryGetValue(file.Room, out var room)
                           || !(Path.GetDirectoryName(file.Path)!.Replace('\\', '/') is var folder && (folder == room.Folder || (file.Room != "" && folder.StartsWith(room.Folder + "/", StringComparison.Ordinal)))))
            .Select(file => $"{file.Path} is in room \"{file.Room}\"")
            .ToList();

        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void No_room_uses_a_room_it_may_not()
    {
        var wrong = new List<string>();
        foreach (var path in ProgramSources())
        {
            var source = File.ReadAllText(path);
            var room = RoomOf(source);
            foreach (var used in RoomsUsedBy(source).Distinct().Where(u => u != room && !Rooms[room].MayUse.Contains(u)))
                wrong.Add($"{Path.GetRelativePath(TestPaths.ProjectRoot, path)} (room \"{room}\") uses \"{used}\"");
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void The_allowed_uses_form_no_cycle()
    {
        // A depth-first walk over "may use": a room reached again while still on the path is a cycle.
        var cycles = new List<string>();
        var done = new HashSet<string>();
        void Walk(string room, List<string> path)
        {
            if (path.Contains(room))
            {
                cycles.Add(string.Join(" -> ", path.SkipWhile(r => r != room).Append(room)));
                return;
            }
            if (!done.Add(room))
                return;
            path.Add(room);
            foreach (var next in Rooms[room].MayUse.Where(n => !IsSameRoomFamily(room, n)))
                Walk(next, path);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var room in Rooms.Keys)
            Walk(room, new List<string>());

        Assert.That(cycles, Is.Empty);
    }

    /// <summary>A pack and the policies room that evaluates it are one room in two folders.</summary>
    private static bool IsSameRoomFamily(string a, string b) => (a, b) is ("Policies", "Policies.Packs") or ("Policies.Packs", "Policies");

    [Test]
    public void The_model_and_the_program_never_reference_a_tool()
    {
        var tools = new[] { "Stacks", "Plan", "Recorder", "State", "Diff", "Policies", "Policies.Packs", "Bill", "Fleet", "Cli", "Host" };
        var offenders = ProgramSources()
            .Where(path => Path.GetRelativePath(TestPaths.ProjectRoot, path).StartsWith("infra", StringComparison.Ordinal))
            .SelectMany(path => RoomsUsedBy(File.ReadAllText(path)).Where(tools.Contains).Select(tool => $"{Path.GetRelativePath(TestPaths.ProjectRoot, path)} uses {tool}"))
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void The_checker_sees_a_reference_to_a_room()
    {
        Assert.That(RoomsUsedBy("namespace BlinkInfra.Config;\nusing BlinkInfra.Plan;\nvar x = BlinkInfra.Policies.PolicyEngine.PolicyNames;\n// BlinkInfra.Cli in a comment\n").Distinct(),
            Is.EquivalentTo(new[] { "Plan", "Policies" }));
        Assert.That(RoomsUsedBy("namespace BlinkInfra.Engine;\nvar y = BlinkInfra.Policies.Packs.IsolationPack.Name;\n"), Is.EqualTo(new[] { "Policies.Packs" }));
        Assert.That(RoomsUsedBy("namespace BlinkInfra.Plan;\nusing BlinkInfra;\nvar s = new BlinkInfra.BlinkStack(spec); var d = \"BlinkInfra cluster\";\n"), Is.EqualTo(new[] { "", "" }));
    }
}
