using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BlinkInfra.Plan;

/// <summary>
/// Text fitted to a console's width, so what `plan` prints takes one terminal line per line it writes:
/// cells cut with an ellipsis (a type keeps its member name, a name its end), prose wrapped at spaces
/// with an indent. Widths count characters: what is printed is ASCII, box-drawing characters and the
/// ellipsis, each one column wide.
/// </summary>
public static class TerminalText
{
    public const char Ellipsis = '…';

    /// <summary>No limit: into a pipe or a file with no width given, lines are written whole.</summary>
    public const int Unlimited = int.MaxValue;

    /// <summary>
    /// The widest line written on a console this wide: one column short of it, as `pulumi preview` clamps its
    /// table's rows (pulumi/pulumi pkg/backend/display/tree.go, clampLine: maxWidth - 1; read 2026-12-05), so no
    /// line reaches the last column, where some terminals already wrap.
    /// </summary>
    public static int LineWidth(int consoleWidth) => consoleWidth >= Unlimited ? Unlimited : Math.Max(1, consoleWidth - 1);

    /// <summary>The text, or its start and an ellipsis in <paramref name="width"/> characters.</summary>
    public static string End(string text, int width)
        => text.Length <= width ? text : width <= 1 ? Ellipsis.ToString() : text[..(width - 1)] + Ellipsis;

    /// <summary>The text, or an ellipsis and its end in <paramref name="width"/> characters: a name's end tells it from its neighbours.</summary>
    public static string Start(string text, int width)
        => text.Length <= width ? text : width <= 1 ? Ellipsis.ToString() : Ellipsis + text[^(width - 1)..];

    /// <summary>
    /// A type token in <paramref name="width"/> characters: whole when it fits; else its member name kept whole
    /// and the middle elided, first the module's own repetition of the member
    /// (<c>alicloud:ecs/securityGroupRule:SecurityGroupRule</c> as <c>alicloud:ecs/…:SecurityGroupRule</c>),
    /// then as much of the package and module as fits.
    /// </summary>
    public static string Type(string token, int width)
    {
        if (token.Length <= width)
            return token;
        var colon = token.LastIndexOf(':');
        if (colon <= 0)
            return End(token, width);
        var (head, member) = (token[..colon], token[(colon + 1)..]);
        var slash = head.LastIndexOf('/');
        if (slash > 0 && string.Equals(head[(slash + 1)..], member, StringComparison.OrdinalIgnoreCase))
        {
            var elided = $"{head[..(slash + 1)]}{Ellipsis}:{member}";
            if (elided.Length <= width)
                return elided;
        }
        var keep = width - member.Length - 2;
        return keep >= 1 ? $"{head[..keep]}{Ellipsis}:{member}" : Start(member, width);
    }

    /// <summary>
    /// Prose in lines of at most <paramref name="width"/> characters, broken at spaces (a word longer than a line
    /// is broken where the line ends); lines after the first start with <paramref name="indent"/>. Each line of a
    /// text of several is wrapped on its own.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, string indent = "    ")
    {
        var lines = new List<string>();
        if (text.Contains('\n'))
        {
            foreach (var part in text.Split('\n'))
                lines.AddRange(Wrap(part, width, indent));
            return lines;
        }
        if (text.Length <= width)
        {
            lines.Add(text);
            return lines;
        }
        // The text's own indent starts its first line; the words after it wrap.
        var own = text.Length - text.TrimStart(' ').Length;
        var line = new StringBuilder();
        var lead = text[..own];
        foreach (var word in text[own..].Split(' '))
        {
            var rest = word;
            while (true)
            {
                var start = line.Length == 0 ? lead : "";
                var gap = line.Length == 0 ? "" : " ";
                if (line.Length + start.Length + gap.Length + rest.Length <= width)
                {
                    line.Append(start).Append(gap).Append(rest);
                    break;
                }
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lead = indent;
                    continue;
                }
                // A word wider than a whole line: as much as fits, the rest on the next.
                var room = Math.Max(1, width - start.Length);
                lines.Add(start + rest[..room]);
                rest = rest[room..];
                lead = indent;
                if (rest.Length == 0)
                    break;
            }
        }
        if (line.Length > 0)
            lines.Add(line.ToString());
        return lines;
    }

    /// <summary><see cref="Wrap"/>'s lines, each ended by "\n".</summary>
    public static string Wrapped(string text, int width, string indent = "    ")
        => string.Concat(Wrap(text, width, indent).Select(l => l + "\n"));
}
