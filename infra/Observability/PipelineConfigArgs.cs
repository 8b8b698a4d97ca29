using System.Collections.Immutable;
using BlinkInfra.Facts;
using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace BlinkInfra.Observability;

/// <summary>The args of a ClusterAliyunPipelineConfig (see <see cref="Logging"/>): its spec as a JSON-shaped tree.</summary>
public sealed class PipelineConfigArgs : CustomResourceArgs
{
    public PipelineConfigArgs() : base(Logging.PipelineApiVersion, Logging.PipelineKind)
    {
    }

    [Input("spec")]
    public Input<ImmutableDictionary<string, object>>? Spec { get; set; }
}
