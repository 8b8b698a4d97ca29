namespace BlinkInfra.Facts;

/// <summary>
/// The type tokens of the SDK resource classes that the policies, the plan's settings and the bill look
/// for in a recorded plan, as data: the model and the rings above it that evaluate recorded resources
/// (policies, plans, states, diffs) reference no Pulumi package, so they cannot read a class's
/// [ResourceType] attribute. Each constant sits where its class sits in the SDK
/// (<c>TypeTokens.AliCloud.Vpc.Network</c> is the token of <c>Pulumi.AliCloud.Vpc.Network</c>), and a
/// test beside the program (tests/Conformance/TypeTokenTests.cs) checks each against the attribute of
/// that class in the SDK the build uses. Source: the [AliCloudResourceType]/[KubernetesResourceType]
/// attributes of Pulumi.AliCloud 3.105.0 and Pulumi.Kubernetes 4.32.0 (offline-sdk/real-api.golden.txt),
/// read 2026-12-05.
/// </summary>
public static class TypeTokens
{
    public static class AliCloud
    {
        /// <summary>The AliCloud provider resource (Pulumi.AliCloud.Provider).</summary>
        public const string Provider = "pulumi:providers:alicloud";

        public static class Arms
        {
            public const string DispatchRule = "alicloud:arms/dispatchRule:DispatchRule";
            public const string PrometheusAlertRule = "alicloud:arms/prometheusAlertRule:PrometheusAlertRule";
        }

        public static class CloudFirewall
        {
            public const string NatFirewall = "alicloud:cloudfirewall/natFirewall:NatFirewall";
            public const string NatFirewallControlPolicy = "alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy";
        }

        public static class CS
        {
            public const string ManagedKubernetes = "alicloud:cs/managedKubernetes:ManagedKubernetes";
            public const string NodePool = "alicloud:cs/nodePool:NodePool";
        }

        public static class Ecs
        {
            public const string EipAddress = "alicloud:ecs/eipAddress:EipAddress";
            public const string EipAssociation = "alicloud:ecs/eipAssociation:EipAssociation";
            public const string SecurityGroup = "alicloud:ecs/securityGroup:SecurityGroup";
            public const string SecurityGroupRule = "alicloud:ecs/securityGroupRule:SecurityGroupRule";
        }

        public static class Kms
        {
            public const string Key = "alicloud:kms/key:Key";
        }

        public static class Log
        {
            public const string Store = "alicloud:log/store:Store";
        }

        public static class Oss
        {
            public const string Bucket = "alicloud:oss/bucket:Bucket";
            public const string BucketAcl = "alicloud:oss/bucketAcl:BucketAcl";
            public const string BucketPublicAccessBlock = "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock";
        }

        public static class Vpc
        {
            public const string NatGateway = "alicloud:vpc/natGateway:NatGateway";
            public const string Network = "alicloud:vpc/network:Network";
            public const string Switch = "alicloud:vpc/switch:Switch";
        }
    }

    public static class Kubernetes
    {
        /// <summary>The Kubernetes provider resource (Pulumi.Kubernetes.Provider).</summary>
        public const string Provider = "pulumi:providers:kubernetes";

        public static class Batch
        {
            public static class V1
            {
                public const string CronJob = "kubernetes:batch/v1:CronJob";
            }
        }

        public static class Core
        {
            public static class V1
            {
                public const string ConfigMap = "kubernetes:core/v1:ConfigMap";
                public const string Secret = "kubernetes:core/v1:Secret";
            }
        }

        public static class Helm
        {
            public static class V3
            {
                public const string Release = "kubernetes:helm.sh/v3:Release";
            }
        }
    }
}
