using System;
using System.Collections.Immutable;
using System.Linq;

namespace BlinkInfra.Facts;

/// <summary>
/// The inputs BlinkInfra sets that the provider changes in place, by type token: the rest of the
/// facts, said out loud. alicloud-replacement-inputs.json lists, per type, every input whose change
/// replaces it (every ForceNew field of terraform-provider-alicloud v1.285.0's schema) and the inputs
/// its docs say act only at create; an input of the schema in neither list is updated in place. This
/// table names each such input the program sets, so that a test fails when the program sets an input
/// nobody has classified (a new one, or a misspelt one, which the provider would reject): add it here
/// once the facts say it is neither ForceNew nor create-only, or fix it. Read 2026-12-05.
/// Kubernetes objects: pulumi-kubernetes 4.32.0 replaces them on the paths the facts list (an object's
/// name and namespace, a kind's own fields) and patches everything else: apiVersion and kind are fixed
/// by the type token, so they never change on one resource. Providers' configuration is not in the
/// facts: the AliCloud provider is Pulumi's bridged provider, whose configuration (region, assumeRole)
/// is updated in place unless a resource's own inputs change; the Kubernetes provider replaces itself
/// only when its kubeconfig is unknown or points at another cluster (ReplacementInputs.ReplacesWhenUnknown).
/// </summary>
public static class InPlaceInputs
{
    private static readonly ImmutableArray<string> KubernetesIdentity = ImmutableArray.Create("apiVersion", "kind", "metadata");

    public static readonly ImmutableDictionary<string, ImmutableArray<string>> ByType = new (string Type, string[] Inputs)[]
    {
        // ARMS contacts, their group and the dispatch rule: nothing ForceNew in the provider's schema (v1.285.0).
        ("alicloud:arms/alertContact:AlertContact", new[] { "alertContactName", "dingRobotWebhookUrl", "email", "phoneNum", "systemNoc" }),
        ("alicloud:arms/alertContactGroup:AlertContactGroup", new[] { "alertContactGroupName", "contactIds" }),
        ("alicloud:arms/dispatchRule:DispatchRule", new[] { "dispatchRuleName", "dispatchType", "groupRules", "isRecover", "labelMatchExpressionGrids", "notifyRules" }),
        ("alicloud:arms/prometheusAlertRule:PrometheusAlertRule", new[] { "dispatchRuleId", "notifyType" }),
        ("alicloud:cloudfirewall/natFirewall:NatFirewall", new[] { "firewallSwitch", "vswitchAuto", "vswitchCidr" }),
        ("alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy", new[]
        {
            "aclAction", "applicationNameLists", "description", "destPort", "destPortType", "destination", "destinationType", "domainResolveType", "ipVersion",
            "newOrder", "proto", "release", "source", "sourceType",
        }),
        ("alicloud:cen/instance:Instance", new[] { "cenInstanceName", "description", "tags" }),
        ("alicloud:cen/transitRouter:TransitRouter", new[] { "tags", "transitRouterDescription", "transitRouterName" }),
        ("alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable", new[] { "tags", "transitRouterRouteTableDescription", "transitRouterRouteTableName" }),
        ("alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation", Array.Empty<string>()),
        ("alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation", Array.Empty<string>()),
        ("alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment", new[] { "autoPublishRouteEnabled", "cenId", "tags", "transitRouterVpcAttachmentName", "zoneMappings" }),
        ("alicloud:cs/autoscalingConfig:AutoscalingConfig", new[] { "coolDownDuration", "expander", "gpuUtilizationThreshold", "scaleDownEnabled", "scalerType", "scanInterval", "unneededDuration", "utilizationThreshold" }),
        // ModifyClusterAddon applies a new config to the installed add-on (resource_alicloud_cs_kubernetes_addon.go Update).
        ("alicloud:cs/kubernetesAddon:KubernetesAddon", new[] { "config" }),
        ("alicloud:cs/managedKubernetes:ManagedKubernetes", new[]
        {
            "auditLogConfig", "clusterSpec", "controlPlaneLogComponents", "controlPlaneLogProject", "controlPlaneLogTtl", "deletionProtection", "disableEncryption",
            "enableRrsa", "encryptionProviderKey", "maintenanceWindow", "name", "operationPolicy", "securityGroupId", "tags", "version", "vswitchIds",
        }),
        ("alicloud:cs/nodePool:NodePool", new[]
        {
            "autoRenew", "dataDisks", "desiredSize", "imageId", "imageType", "instanceChargeType", "instanceTypes", "keyName", "labels", "management", "multiAzPolicy",
            "nodePoolName", "period", "periodUnit", "scalingConfig", "systemDiskCategory", "systemDiskEncrypted", "systemDiskKmsKey", "systemDiskSize", "tags", "taints",
            // userData: not ForceNew; a new script reaches the nodes created afterwards (DataDisks.StateDirectoryUserData).
            "userData", "vswitchIds",
        }),
        ("alicloud:ecs/ecsDeploymentSet:EcsDeploymentSet", new[] { "deploymentSetName", "description" }),
        ("alicloud:ecs/ecsKeyPair:EcsKeyPair", new[] { "publicKey", "tags" }),
        ("alicloud:ecs/eipAddress:EipAddress", new[] { "addressName", "bandwidth", "description", "tags" }),
        ("alicloud:ecs/eipAssociation:EipAssociation", Array.Empty<string>()),
        ("alicloud:ecs/securityGroup:SecurityGroup", new[] { "description", "innerAccessPolicy", "securityGroupName", "tags" }),
        ("alicloud:ecs/securityGroupRule:SecurityGroupRule", new[] { "description" }),
        ("alicloud:kms/key:Key", new[] { "automaticRotation", "deletionProtection", "deletionProtectionDescription", "description", "pendingWindowInDays", "rotationInterval", "status", "tags" }),
        ("alicloud:log/project:Project", new[] { "description", "tags" }),
        ("alicloud:log/store:Store", new[] { "autoSplit", "maxSplitShardCount", "retentionPeriod" }),
        ("alicloud:oss/bucket:Bucket", new[] { "lifecycleRules", "serverSideEncryptionRule", "tags", "versioning" }),
        ("alicloud:oss/bucketAcl:BucketAcl", new[] { "acl" }),
        ("alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock", new[] { "blockPublicAccess" }),
        ("alicloud:ram/policy:Policy", new[] { "description", "policyDocument" }),
        ("alicloud:ram/role:Role", new[] { "assumeRolePolicyDocument", "description" }),
        ("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", Array.Empty<string>()),
        ("alicloud:vpc/natGateway:NatGateway", new[] { "description", "force", "natGatewayName", "natType", "tags", "vswitchId" }),
        ("alicloud:vpc/network:Network", new[] { "cidrBlock", "description", "tags", "vpcName" }),
        ("alicloud:vpc/routeEntry:RouteEntry", Array.Empty<string>()),
        ("alicloud:vpc/snatEntry:SnatEntry", new[] { "snatEntryName", "snatIp" }),
        ("alicloud:vpc/switch:Switch", new[] { "description", "tags", "vswitchName" }),
        // Kubernetes: what a kind holds beside its identity, patched in place (a Helm release: upgraded).
        ("kubernetes:core/v1:ConfigMap", Array.Empty<string>()),
        ("kubernetes:core/v1:Secret", Array.Empty<string>()),
        ("kubernetes:core/v1:Namespace", Array.Empty<string>()),
        ("kubernetes:core/v1:ServiceAccount", Array.Empty<string>()),
        ("kubernetes:rbac.authorization.k8s.io/v1:Role", new[] { "rules" }),
        ("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", new[] { "subjects" }),
        // Kinds with no fields of their own in diff.go (ReplacementInputs): a CronJob's and a PodDisruptionBudget's spec
        // (mutable since policy/v1) are patched. A PriorityClass's fields too, but the API server refuses a change of its
        // value or preemptionPolicy (immutable: Kubernetes' ValidatePriorityClassUpdate, read 2026-12-05), so both are
        // constants (PodHardening) that would change only with the class's name.
        ("kubernetes:batch/v1:CronJob", new[] { "spec" }),
        ("kubernetes:policy/v1:PodDisruptionBudget", new[] { "spec" }),
        ("kubernetes:scheduling.k8s.io/v1:PriorityClass", new[] { "description", "globalDefault", "preemptionPolicy", "value" }),
        ("kubernetes:flink.apache.org/v1beta1:FlinkDeployment", new[] { "spec" }),
        ("kubernetes:flink.apache.org/v1beta1:FlinkSessionJob", new[] { "spec" }),
        ("kubernetes:telemetry.alibabacloud.com/v1alpha1:ClusterAliyunPipelineConfig", new[] { "spec" }),
        ("kubernetes:helm.sh/v3:Release", new[] { "atomic", "chart", "compat", "repositoryOpts", "values", "version" }),
        // Providers (not in the facts, see above).
        ("pulumi:providers:alicloud", new[] { "assumeRole", "region" }),
        ("pulumi:providers:kubernetes", new[] { "enableServerSideApply", "kubeconfig" }),
    }.ToImmutableDictionary(
        e => e.Type,
        e => (ReplacementInputs.IsKubernetesObject(e.Type) && e.Type != ReplacementInputs.HelmReleaseType ? KubernetesIdentity : ImmutableArray<string>.Empty).AddRange(e.Inputs),
        StringComparer.Ordinal);

    /// <summary>
    /// Whether the facts know what a change of this top-level input does: it replaces (at it or under it),
    /// acts only at create, or is listed here as changed in place.
    /// </summary>
    public static bool Known(string type, string input)
    {
        var facts = ReplacementInputs.Find(type);
        return (facts is not null && (facts.ReplaceOnChange.Any(p => p == input || p.StartsWith(input + ".", StringComparison.Ordinal)) || facts.CreateOnly.Contains(input)))
               || (ByType.TryGetValue(type, out var inPlace) && inPlace.Contains(input));
    }

    /// <summary>Whether the facts or this table cover a resource type at all.</summary>
    public static bool Covers(string type) => ReplacementInputs.Find(type) is not null || ByType.ContainsKey(type);
}
