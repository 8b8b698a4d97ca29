using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlinkInfra.Config;
using BlinkInfra.Stacks;

namespace BlinkInfra.Fleet;

/// <summary>
/// The fleet's deployments on an engine that exists: a GitHub Actions workflow (`fleet --ci FILE`)
/// with a job per stack, each running the README's `pulumi preview --diff` (pull requests) or
/// `pulumi up` (pushes to main) with the policy pack, policies/crossguard. A mandatory violation fails
/// that stack's job only (fail-fast off); one stack is never updated twice at once (a concurrency
/// group per stack). GitHub Actions runs at most 256 jobs of one matrix (docs.github.com, "Running
/// variations of jobs in a workflow", read 2026-12-05), so a larger fleet is split over matrix jobs of
/// 256 stacks each.
/// </summary>
public static class CiWorkflow
{
    public const int MaxJobsPerMatrix = 256;

    /// <summary>How many jobs of a matrix run at once: the cloud's API limits and the runners' minutes are the user's to spend.</summary>
    public const int MaxParallel = 20;

    public const string PolicyPack = "policies/crossguard";

    public static string GitHubActions(IReadOnlyList<(string Stack, string? Region)> stacks)
    {
        if (stacks.FirstOrDefault(s => !StackName.IsMatch(s.Stack)) is { Stack: { } bad })
            throw new StackFileException(DiagnosticCatalogue.CommandLineInvalid, $"--ci: stack \"{bad}\" is no Pulumi stack name; allowed: at most 100 letters, digits, hyphens, underscores and periods (rename its stack file)");
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        Line("# Every stack of the fleet previewed on pull requests and updated on pushes to main, a job per stack,");
        Line($"# written by `./blink fleet --ci` from {stacks.Count.ToString(CultureInfo.InvariantCulture)} stack{(stacks.Count == 1 ? "" : "s")}: write it again when a stack is added or removed.");
        Line("# Each job runs the README's commands with the policy pack (a mandatory violation fails that job only).");
        Line("# It reads the secrets PULUMI_ACCESS_TOKEN (Pulumi Cloud; or set PULUMI_BACKEND_URL for another backend),");
        Line("# ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY; pull requests from forks get no secrets and cannot preview.");
        Line("name: blink-fleet");
        Line("on:");
        Line("  pull_request: {}");
        Line("  push:");
        Line("    branches: [main]");
        Line("  workflow_dispatch: {}");
        Line("permissions:");
        Line("  contents: read");
        Line("jobs:");
        var batches = stacks.Select((s, i) => (s, i)).GroupBy(p => p.i / MaxJobsPerMatrix, p => p.s).ToList();
        if (batches.Count == 0)
            Line("  {}");
        foreach (var batch in batches)
        {
            Line($"  stacks-{(batch.Key + 1).ToString(CultureInfo.InvariantCulture)}:");
            Line("    name: ${{ github.event_name == 'push' && 'up' || 'preview' }} ${{ matrix.stack }}");
            Line("    runs-on: ubuntu-latest");
            Line("    timeout-minutes: 120");
            Line("    strategy:");
            Line("      fail-fast: false");
            Line($"      max-parallel: {MaxParallel.ToString(CultureInfo.InvariantCulture)}");
            Line("      matrix:");
            Line("        stack:");
            foreach (var (stack, region) in batch)
                Line($"          - {Quoted(stack)}{(region is null ? "" : $"  # {region}")}");
            Line("    # One run at a time per stack: Pulumi locks a stack's update, and a queued one waits here instead of failing.");
            Line("    concurrency:");
            Line("      group: blink-stack-${{ matrix.stack }}");
            Line("      cancel-in-progress: false");
            Line("    env:");
            Line("      PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}");
            Line("      ALICLOUD_ACCESS_KEY: ${{ secrets.ALICLOUD_ACCESS_KEY }}");
            Line("      ALICLOUD_SECRET_KEY: ${{ secrets.ALICLOUD_SECRET_KEY }}");
            Line("      # The real Pulumi packages, from nuget.org: the offline SDK cannot deploy (docs/building.md, \"Which Pulumi SDK is used\").");
            Line("      BLINKINFRA_SDK: real");
            Line("    steps:");
            Line("      - uses: actions/checkout@v4");
            Line("      - uses: actions/setup-dotnet@v4");
            Line("        with:");
            Line("          dotnet-version: \"10.0.x\"");
            Line("      - uses: actions/setup-node@v4");
            Line("        with:");
            Line("          node-version: \"20\"");
            Line("      - name: Install the Pulumi CLI");
            Line("        uses: pulumi/actions@v6");
            Line("      - name: Build BlinkInfra (the policy pack runs its check)");
            Line("        run: ./blink build");
            Line("      - name: Install the policy pack's packages");
            Line("        run: npm ci");
            Line($"        working-directory: {PolicyPack}");
            Line("      - name: pulumi preview");
            Line("        if: github.event_name != 'push'");
            Line($"        run: pulumi preview --stack \"${{{{ matrix.stack }}}}\" --diff --policy-pack {PolicyPack}");
            Line("      - name: pulumi up");
            Line("        if: github.event_name == 'push'");
            Line($"        run: pulumi up --stack \"${{{{ matrix.stack }}}}\" --yes --diff --policy-pack {PolicyPack}");
        }
        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar, which JSON's string syntax is: whatever a stack is named, it stays text.</summary>
    private static string Quoted(string text) => JsonValue.Create(text).ToJsonString();

    /// <summary>
    /// Pulumi's rule for a stack's name (the Pulumi CLI's validateStackName, pulumi/pulumi, read 2026-12-05:
    /// ^[a-zA-Z0-9-_.]{1,100}$, "a stack name may only contain alphanumeric, hyphens, underscores, or
    /// periods"): a name that breaks it could not be a stack, and would reach the jobs' shell lines.
    /// </summary>
    private static readonly Regex StackName = new("^[a-zA-Z0-9_.-]{1,100}$", RegexOptions.CultureInvariant);
}
