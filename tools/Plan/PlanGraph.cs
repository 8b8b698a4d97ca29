using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BlinkInfra.Plan;

/// <summary>
/// A plan's topology as a Mermaid flowchart: a node per resource, a solid arrow from each resource to
/// what depends on it (explicitly or through an input), a dotted one from each parent to its children.
/// </summary>
public static class PlanGraph
{
    public static string Mermaid(StackPlan plan)
    {
        var ids = plan.Resources.Select((r, i) => (r.Ref, Id: $"r{i}")).ToDictionary(p => p.Ref, p => p.Id);
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        foreach (var resource in plan.Resources)
            text.Append($"  {ids[resource.Ref]}[\"{Escape(resource.Type)}<br/>{Escape(resource.Name)}\"]\n");
        foreach (var resource in plan.Resources)
        {
            if (resource.Parent is { } parent && ids.TryGetValue(parent, out var parentId))
                text.Append($"  {parentId} -.-> {ids[resource.Ref]}\n");
            var dependencies = resource.DependsOn.Concat(resource.PropertyDependencies.Values.SelectMany(v => v)).Distinct();
            foreach (var dependency in dependencies)
            {
                if (ids.TryGetValue(dependency, out var dependencyId))
                    text.Append($"  {dependencyId} --> {ids[resource.Ref]}\n");
            }
        }
        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\"", "#quot;");
}
