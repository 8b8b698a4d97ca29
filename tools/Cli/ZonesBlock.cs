using System.Globalization;
using BlinkInfra.Config;
using Spectre.Console;

namespace BlinkInfra.Cli;

/// <summary>
/// The zones a plan used, with the blocks it planned, as a `zones:` block to paste into the stack file:
/// pinned there, the blocks stay what they are whatever later edits to the config do.
/// </summary>
public static class ZonesBlock
{
    public static string Yaml(NetworkSpec network)
    {
        var text = new System.Text.StringBuilder();
        text.Append("    zones:\n");
        foreach (var zone in network.Zones)
        {
            text.Append(CultureInfo.InvariantCulture, $"      - id: {zone.ZoneId}\n");
            text.Append(CultureInfo.InvariantCulture, $"        cidrBlock: {zone.CidrBlock}\n");
            text.Append(CultureInfo.InvariantCulture, $"        podCidrBlock: {zone.PodCidrBlock}\n");
        }
        return text.ToString();
    }

    /// <summary>What `plan --zones` prints: a comment saying where it goes (a YAML comment, pasted with it), then the block.</summary>
    public static string Paste(NetworkSpec network, string stackName)
        => $"# The vSwitch blocks planned for stack {UserText.Shown(stackName)}: to pin them, paste under {ConfigKeys.Section("network")}: in its stack file\n" + Yaml(network);

    /// <summary>The line `plan` prints in place of the block: how many zones, and the flag that prints it.</summary>
    public static string Pointer(NetworkSpec network)
        => $"--zones: the planned vSwitch blocks ({network.Zones.Length} zone{(network.Zones.Length == 1 ? "" : "s")}) as a block to paste, pinning them";

    public static void Render(NetworkSpec network, IAnsiConsole console)
    {
        console.WriteLine();
        console.MarkupLine("Planned vSwitch blocks (to pin them, paste under [bold]blink-infra:network[/]):");
        console.Profile.Out.Writer.Write(Yaml(network));
    }
}
