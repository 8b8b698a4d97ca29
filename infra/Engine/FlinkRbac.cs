using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

namespace BlinkInfra.Engine;

/// <summary>
/// What the engine's service account may do in its namespace: Kubernetes HA and native session clusters.
/// Source: the operator chart's own job role, template "flink-operator.jobRbacRules" of
/// apache/flink-kubernetes-operator helm/flink-kubernetes-operator/templates/rbac/_helpers.tpl (1.15.0):
/// pods and configmaps, and apps deployments with deployments/finalizers, with these seven verbs.
/// BlinkInfra declares the role itself (bound to its own service account, which carries the RRSA
/// role) and switches the chart's job role and binding off (see <see cref="OperatorValues"/>).
/// </summary>
public static class FlinkRbac
{
    public static readonly string[] Verbs = { "get", "list", "watch", "create", "update", "patch", "delete" };

    public static InputList<PolicyRuleArgs> Rules()
        => new()
        {
            // Kubernetes HA keeps leader election and job metadata in ConfigMaps; a native session
            // cluster's JobManager starts and stops its TaskManager pods. Services are beyond the chart's
            // rule (the operator creates the JobManager's); kept because Flink's native client manages
            // them when it deploys a cluster itself (AWS EMR on EKS, "Flink native Kubernetes security
            // requirements", grants them too).
            new PolicyRuleArgs { ApiGroups = { "" }, Resources = { "pods", "configmaps", "services" }, Verbs = Verbs },
            // Flink's native Kubernetes client reads the JobManager's Deployment to make it the owner of
            // every TaskManager pod and ConfigMap it creates; with blockOwnerDeletion the API server also
            // asks for update on the owner's finalizers. Without this rule: 403, no TaskManagers.
            new PolicyRuleArgs { ApiGroups = { "apps" }, Resources = { "deployments", "deployments/finalizers" }, Verbs = Verbs },
        };
}
