using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace BlinkInfra.Plan;

/// <summary>
/// How many resources a plan declares, counted as `pulumi preview` counts them, the one count the text
/// (`Resources: + N to create`), the plan page's header and the fleet say: every resource the program
/// registers, the stack itself, its components and its explicit providers included. The engine leaves
/// out only its internal steps, a default provider's and a pending replacement's removal
/// (pulumi/pulumi pkg/engine/update.go: previewActions.OnResourceStepPost counts each logical step
/// unless isInternalStep; read 2026-12-05); the program gives every resource an explicit provider, so
/// no default provider is registered and none is missing here.
/// </summary>
public sealed record ResourceCounts(int Total, int Stacks, int Components, int Providers, int Custom)
{
    public const string StackType = "pulumi:pulumi:Stack";
    public const string ProviderPrefix = "pulumi:providers:";

    public static bool IsProvider(PlannedResource resource) => resource.Type.StartsWith(ProviderPrefix, StringComparison.Ordinal);

    public static ResourceCounts Of(IReadOnlyCollection<PlannedResource> resources)
    {
        var stacks = resources.Count(r => r.Type == StackType);
        var providers = resources.Count(IsProvider);
        var components = resources.Count(r => !r.Custom && r.Type != StackType);
        return new ResourceCounts(resources.Count, stacks, components, providers, resources.Count - stacks - providers - components);
    }

    public static ResourceCounts Of(StackPlan plan) => Of(plan.Resources);

    /// <summary>"the stack, 8 components, 3 providers, 108 custom resources": what the total is made of, in Pulumi's words.</summary>
    public string Breakdown
    {
        get
        {
            var parts = new List<string>();
            if (Stacks == 1)
                parts.Add("the stack");
            else if (Stacks > 1)
                parts.Add($"{N(Stacks)} stacks");
            parts.Add(Of(Components, "component"));
            parts.Add(Of(Providers, "provider"));
            parts.Add(Of(Custom, "custom resource"));
            return string.Join(", ", parts);
        }
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Of(int n, string noun) => $"{N(n)} {noun}{(n == 1 ? "" : "s")}";
}
