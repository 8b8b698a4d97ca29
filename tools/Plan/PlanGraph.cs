using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace BlinkInfra.Plan;

/// <summary>What a graph draws: every resource inside its component's box, or the components alone.</summary>
public enum GraphLevel
{
    Resources,
    Components,
}

/// <summary>
/// A plan's topology as a Mermaid flowchart a person can read. At the resources level each component is
/// a box (a subgraph) around its children, and many children of one type under one component (security
/// group rules, SNAT entries, vSwitches) are one node with their count; at the components level each
/// component is one node, and an arrow joins two components when a resource of one depends on a
/// resource of the other. Arrows go from what is needed to what needs it (an input or dependsOn), each
/// drawn once between two nodes. Nodes are coloured by provider (classDef).
/// </summary>
public static class PlanGraph
{
    /// <summary>Siblings of one type from this many on are drawn as one node.</summary>
    public const int CollapseFrom = 3;

    private const string RootStackType = "pulumi:pulumi:Stack";

    // Each provider's colour: Alibaba Cloud's orange, Kubernetes' blue, Pulumi's purple (the stack's providers).
    private static readonly (string Class, string Style)[] ProviderClasses =
    {
        ("alicloud", "fill:#ff6a00,stroke:#b34a00,color:#fff"),
        ("kubernetes", "fill:#326ce5,stroke:#1d4ba0,color:#fff"),
        ("pulumi", "fill:#8a3391,stroke:#5c2261,color:#fff"),
    };

    public static string Mermaid(StackPlan plan, GraphLevel level = GraphLevel.Resources)
        => level == GraphLevel.Components ? Components(plan) : Resources(plan);

    private static string Resources(StackPlan plan)
    {
        var index = plan.Resources.Select((r, i) => (r.Ref, i)).GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.First().i);
        var nodeOf = new Dictionary<ResourceRef, string>();
        var text = Header();

        void Children(PlannedResource parent, string indent)
        {
            var children = plan.ChildrenOf(parent).ToList();
            foreach (var group in children.Where(c => c.Custom).GroupBy(c => c.Type))
            {
                var members = group.ToList();
                if (members.Count >= CollapseFrom)
                {
                    var id = $"g{index[members[0].Ref].ToString(CultureInfo.InvariantCulture)}";
                    text.Append(CultureInfo.InvariantCulture, $"{indent}{id}[\"{Escape(ShortType(group.Key))} × {members.Count}\"]:::{ProviderOf(group.Key)}\n");
                    foreach (var member in members)
                        nodeOf[member.Ref] = id;
                    continue;
                }
                foreach (var member in members)
                {
                    var id = $"r{index[member.Ref].ToString(CultureInfo.InvariantCulture)}";
                    text.Append(CultureInfo.InvariantCulture, $"{indent}{id}[\"{Escape(ShortType(member.Type))}<br/>{Escape(member.Name)}\"]:::{ProviderOf(member.Type)}\n");
                    nodeOf[member.Ref] = id;
                }
            }
            foreach (var component in children.Where(c => !c.Custom))
            {
                var id = $"c{index[component.Ref].ToString(CultureInfo.InvariantCulture)}";
                text.Append(CultureInfo.InvariantCulture, $"{indent}subgraph {id} [\"{Escape(ShortType(component.Type))} {Escape(component.Name)}\"]\n");
                Children(component, indent + "  ");
                text.Append(CultureInfo.InvariantCulture, $"{indent}end\n");
            }
        }

        var root = plan.Resources.FirstOrDefault(r => r.Parent is null);
        if (root is not null)
            Children(root, "  ");

        var edges = new HashSet<(string, string)>();
        foreach (var resource in plan.Resources.Where(r => nodeOf.ContainsKey(r.Ref)))
        {
            foreach (var dependency in DependenciesOf(resource))
            {
                if (nodeOf.TryGetValue(dependency, out var from) && from != nodeOf[resource.Ref] && edges.Add((from, nodeOf[resource.Ref])))
                    text.Append(CultureInfo.InvariantCulture, $"  {from} --> {nodeOf[resource.Ref]}\n");
            }
        }
        return text.ToString();
    }

    private static string Components(StackPlan plan)
    {
        var byRef = plan.Resources.GroupBy(r => r.Ref).ToDictionary(g => g.Key, g => g.First());
        var index = plan.Resources.Select((r, i) => (r.Ref, i)).GroupBy(p => p.Ref).ToDictionary(g => g.Key, g => g.First().i);
        bool IsComponent(PlannedResource r) => !r.Custom && r.Type != RootStackType;

        // Each resource's nearest component; resources at the stack's top (its providers) belong to none.
        ResourceRef? ComponentOf(PlannedResource resource)
        {
            var seen = new HashSet<ResourceRef>();
            for (var parent = resource.Parent; parent is not null && seen.Add(parent) && byRef.TryGetValue(parent, out var p); parent = p.Parent)
            {
                if (IsComponent(p))
                    return p.Ref;
            }
            return null;
        }

        var text = Header();
        var components = plan.Resources.Where(IsComponent).ToList();
        string Id(ResourceRef component) => $"c{index[component].ToString(CultureInfo.InvariantCulture)}";
        var owned = plan.Resources.Where(r => r.Custom).Select(r => (Resource: r, Component: ComponentOf(r))).Where(p => p.Component is not null).ToList();
        foreach (var component in components)
        {
            var count = owned.Count(p => p.Component == component.Ref);
            text.Append(CultureInfo.InvariantCulture, $"  {Id(component.Ref)}[\"{Escape(ShortType(component.Type))}<br/>{Escape(component.Name)}<br/>{count} {(count == 1 ? "resource" : "resources")}\"]:::component\n");
        }

        var edges = new SortedDictionary<(int From, int To), int>();
        var componentByResource = owned.ToDictionary(p => p.Resource.Ref, p => p.Component!);
        foreach (var (resource, component) in owned)
        {
            foreach (var dependency in DependenciesOf(resource).Distinct())
            {
                if (componentByResource.TryGetValue(dependency, out var from) && from != component)
                {
                    var key = (index[from], index[component!]);
                    edges[key] = edges.GetValueOrDefault(key) + 1;
                }
            }
        }
        foreach (var ((from, to), count) in edges)
            text.Append(CultureInfo.InvariantCulture, $"  {Id(plan.Resources[from].Ref)} -->|{count}| {Id(plan.Resources[to].Ref)}\n");
        return text.ToString();
    }

    private static StringBuilder Header()
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        foreach (var (name, style) in ProviderClasses)
            text.Append(CultureInfo.InvariantCulture, $"  classDef {name} {style}\n");
        text.Append("  classDef component fill:#f4f4f4,stroke:#666,color:#222\n");
        return text;
    }

    private static IEnumerable<ResourceRef> DependenciesOf(PlannedResource resource)
        => resource.DependsOn.Concat(resource.PropertyDependencies.Values.SelectMany(v => v));

    /// <summary>The provider that owns a type: a type token's package, Pulumi's own for providers and the stack.</summary>
    public static string ProviderOf(string type)
    {
        var package = type.Split(':')[0];
        return ProviderClasses.Any(c => c.Class == package) ? package : "pulumi";
    }

    /// <summary>A type token's last part ("alicloud:vpc/switch:Switch" is Switch), a provider's its package ("provider alicloud").</summary>
    private static string ShortType(string type)
        => type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? "provider " + type["pulumi:providers:".Length..] : type[(type.LastIndexOf(':') + 1)..];

    private static string Escape(string text) => text.Replace("\"", "#quot;");
}
