using System.Collections.Immutable;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace BlinkInfra.Engine;

/// <summary>The args of a Flink operator resource: the CRD's apiVersion and kind, and its spec as a JSON-shaped tree.</summary>
public sealed class FlinkResourceArgs : CustomResourceArgs
{
    public FlinkResourceArgs(string kind) : base(FlinkDefaults.ApiVersion, kind)
    {
    }

    [Input("spec")]
    public Input<ImmutableDictionary<string, object>>? Spec { get; set; }
}
