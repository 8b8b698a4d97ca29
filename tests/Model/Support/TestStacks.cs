namespace BlinkInfra.Tests;

/// <summary>Stack file pieces many tests start from.</summary>
public static class TestStacks
{
    /// <summary>
    /// The head of a small stack: cluster blink-t in cn-hangzhou over three zones of a new VPC; a test
    /// adds the sections it is about (compute, engine, ...) at the same indentation as blink-infra:network.
    /// </summary>
    public const string SmallClusterAndNetwork = """
        config:
          blink-infra:cluster:
            name: blink-t
            region: cn-hangzhou
          blink-infra:network:
            zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
        """;

    /// <summary>
    /// A stack that turns on everything the program can declare with a VPC of the customer's: cross-account
    /// data access (CEN, transit router, routes in both accounts), internet egress (NAT, EIP, SNAT), HA masters
    /// in a deployment set, a declared KMS key with rotation, an imported break-glass key pair, peer groups,
    /// endpoints, a CPU pool in CU and an autoscaling GPU pool (the node autoscaler), autoscaling jobs, metrics
    /// with alerts, logs in a project of its own, a maintenance window with auto-upgrade. With
    /// <see cref="EveryFeatureCredentials"/> as the secret blink-infra:endpointCredentials (the Secret).
    /// </summary>
    public const string EveryFeature = """
        config:
          blink-infra:cluster:
            name: blink-e
            region: cn-hangzhou
            billing: pay-as-you-go
            tags: {team: data}
          blink-infra:network:
            vpcId: vpc-bp1customer00001
            cidrBlock: 10.0.0.0/16
            zones: [{id: cn-hangzhou-h}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
            internetEgress: {enabled: true, bandwidthMbps: 20}
          blink-infra:security:
            peerGroups:
              - {securityGroupId: sg-bp1opsbastion0001, role: masters, protocol: tcp, ports: "8081", description: web UI}
            kms: {enabled: true, automaticRotation: true}
            breakGlass: {keyPairName: blink-e-ops, publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGvQ1P2wq0S1xM2fXcN7d8yK3hQwZx0a1b2c3d4e5f6g ops@example"}
          blink-infra:dataAccess:
            endpoints:
              - {name: orders, kind: kafka, cidr: 192.168.8.0/24}
              - {name: warehouse, kind: rds, host: 10.0.201.15}
            crossAccount:
              tenantRoleArn: "acs:ram::1234567890123456:role/blink-tenant"
              platformAccountId: "6543210987654321"
              vpcId: vpc-bp1tenant000001
              cidrBlock: 192.168.0.0/16
              vswitches: [{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}, {id: vsw-bp1tenanti00001, zone: cn-hangzhou-i}]
          blink-infra:compute:
            highAvailability: true
            workerPools:
              - {name: cpu, family: g7, instanceTypes: [ecs.g7.2xlarge], computeUnits: 24}
              - {name: gpu, family: gn7i, instanceTypes: [ecs.gn7i-c8g1.2xlarge], minNodes: 1, maxNodes: 3, zones: [cn-hangzhou-h, cn-hangzhou-i], gpuDriverVersion: 535.161.08}
          blink-infra:engine:
            image: registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink:1.20.1-rrsa
            operatorImage: registry-vpc.cn-hangzhou.aliyuncs.com/blink-infra/flink-kubernetes-operator:1.15.0-oss-rrsa
            flinkConfiguration:
              fs.oss.credentials.provider: io.blinkinfra.flink.oss.RrsaCredentialsProvider
            jobs:
              - {name: enrich, pool: cpu, jarPath: udf/enrich-1.0.jar, entryClass: com.example.Enrich, parallelism: 8, upgradeMode: last-state, autoscaler: {enabled: true}}
              - {name: infer, pool: gpu, jarPath: udf/infer-1.0.jar, entryClass: com.example.Infer, parallelism: 2}
          blink-infra:observability:
            metrics: {enabled: true, alerts: true}
            logs: {enabled: true, project: blink-e-logs-x, retentionDays: 7}
          blink-infra:maintenance:
            window: {enabled: true, days: Sunday, startTime: "2026-01-04T03:00:00.000+08:00", durationHours: 3}
            autoUpgrade: {enabled: true, channel: stable}
        """;

    /// <summary>The secret of <see cref="EveryFeature"/>: a user for each of its endpoints.</summary>
    public const string EveryFeatureCredentials = """{"orders":{"username":"etl","password":"s3cr3t"},"warehouse":{"username":"etl","password":"s3cr3t"}}""";

    /// <summary>
    /// What <see cref="EveryFeature"/> leaves out, the other way: a new VPC with a pinned zone block, subscription
    /// billing, one master of a custom image, a public API server, an FPGA pool of its own image on cloud_auto
    /// disks, an existing KMS key and key pair, metrics without alerts, logs without control-plane or audit
    /// logs, no maintenance window.
    /// </summary>
    public const string EveryFeatureNewVpc = """
        config:
          blink-infra:cluster:
            name: blink-f
            region: cn-hangzhou
            billing: subscription
          blink-infra:network:
            cidrBlock: 10.30.0.0/16
            zones: [{id: cn-hangzhou-h, cidrBlock: 10.30.0.0/24}, {id: cn-hangzhou-i}, {id: cn-hangzhou-j}]
          blink-infra:security:
            kms: {keyId: key-hzz62f1cb66fa1cqwlaqn}
            breakGlass: {keyPairName: ops-existing}
          blink-infra:dataAccess:
            endpoints:
              - {name: warehouse, kind: rds, host: 10.30.201.15}
          blink-infra:compute:
            highAvailability: false
            masters: {imageId: m-bp1mastersimage001}
            kubernetes: {apiServerPublic: true, deletionProtection: false}
            workerPools:
              - {name: fpga, family: f3, instanceTypes: [ecs.f3-c16f1.4xlarge], nodes: 2, imageId: m-bp1fpgaimage00001, dataDisk: {category: cloud_auto, sizeGiB: 100}}
          blink-infra:observability:
            metrics: {enabled: true, alerts: false}
            logs: {enabled: true, controlPlane: false, audit: false}
          blink-infra:maintenance:
            window: {enabled: false}
        """;
}
