using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;

namespace BlinkInfra.Recorder;

/// <summary>
/// The value types an Input&lt;T&gt; or Output&lt;T&gt; of the program or its SDK holds, for the
/// generic methods the plan recorder reaches by reflection. A Native AOT build (the CLI's fast
/// build, README "Speed") compiles generic code ahead of time only for instantiations it can see:
/// one over reference types serves them all (ImmutableArray&lt;object&gt; stands for every list of
/// a reference type), but each value type needs its own, named here. A new one shows in the AOT
/// binary's test against the pinned plans as "missing native code".
/// </summary>
internal static class NativeTypeArguments
{
    public interface IVisitor
    {
        void Visit<T>();
    }

    public static void ForEach(IVisitor visitor)
    {
        visitor.Visit<bool>();
        visitor.Visit<int>();
        visitor.Visit<long>();
        visitor.Visit<double>();
        visitor.Visit<bool?>();
        visitor.Visit<int?>();
        visitor.Visit<long?>();
        visitor.Visit<double?>();
        visitor.Visit<JsonElement>();
        // A PodDisruptionBudget's maxUnavailable (IntOrString).
        visitor.Visit<Union<int, string>>();
        visitor.Visit<ImmutableArray<object>>();
        visitor.Visit<ImmutableArray<bool>>();
        visitor.Visit<ImmutableArray<int>>();
        visitor.Visit<ImmutableArray<double>>();
    }
}
