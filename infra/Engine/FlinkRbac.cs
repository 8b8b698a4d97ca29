using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

namespace BlinkInfra.Engine;

/// <summary>What the engine's service account may do in its namespace: Kubernetes HA and native session clusters.</summary>
public static class FlinkRbac
{
    public static InputList<PolicyRuleArgs> Rules()
        => new()
        {
            // Kubernetes HA keeps leader election and job metadata in ConfigMaps.
            new PolicyRuleArgs { ApiGroups = { "" }, Resources = { "configmaps" }, Verbs = { "get", "list", "watch", "create", "update", "patch", "delete" } },
            // A native session cluster's JobManager starts and stops its TaskManager pods.
            new PolicyRuleArgs { ApiGroups = { "" }, Resources = { "pods", "services" }, Verbs = { "get", "list", "watch", "create", "update", "patch", "delete" } },
        };
}
