using System.Linq;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// A few values of each table in infra/Facts, pinned as their sources give them, so an edit that
/// drifts from the source fails here. Each test names the source the comment beside the table names.
/// </summary>
public class FactTablesTests
{
    // Source: "Regions and zones supported by ECI" and "Regions and zones" (read 2026-11-27).
    [Test]
    public void Zones_are_the_full_zone_ids_of_each_region()
    {
        Assert.That(AlibabaCloud.ZonesOf("ap-southeast-1"), Is.EqualTo(new[] { "ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c" }));
        Assert.That(AlibabaCloud.ZonesOf("cn-shanghai"), Is.SupersetOf(new[] { "cn-shanghai-c", "cn-shanghai-d", "cn-shanghai-k", "cn-shanghai-n", "cn-shanghai-o" }));
        Assert.That(AlibabaCloud.ZonesOf("cn-beijing"), Has.Length.EqualTo(12).And.Contains("cn-beijing-d"));
        Assert.That(AlibabaCloud.ZonesOf("cn-shenzhen"), Is.EqualTo(new[] { "cn-shenzhen-a", "cn-shenzhen-b", "cn-shenzhen-c", "cn-shenzhen-d", "cn-shenzhen-e", "cn-shenzhen-f" }));
        Assert.That(AlibabaCloud.ZonesOf("cn-hongkong"), Is.EqualTo(new[] { "cn-hongkong-b", "cn-hongkong-c", "cn-hongkong-d" }));
        foreach (var region in AlibabaCloud.RegionsFor(BillingMode.Subscription))
            Assert.That(AlibabaCloud.ZonesOf(region), Is.Not.Empty.And.All.StartsWith(region), region);
    }

    // Source: Realtime Compute exclusive mode, "Specification selection" (read 2026-11-27), where ACK's
    // allocatable less the DaemonSets (NodeAllocatable) leaves as much: not on 4 cores 16 GiB (below).
    [TestCase(8, 32, 6)]
    [TestCase(16, 64, 13)]
    public void A_worker_offers_the_cu_alibabas_sizing_table_gives(int cores, int memoryGiB, int computeUnits)
    {
        Assert.That(WorkerResources.UsableOf(cores, memoryGiB), Is.EqualTo(new UsableResources(computeUnits, computeUnits * 4)));
        var g7 = InstanceCatalog.TypesOf("g7").Single(t => t.Cores == cores);
        Assert.That(g7.ComputeUnitCount, Is.EqualTo(computeUnits), g7.Name);
    }

    [Test]
    public void On_ack_a_4_core_16_gib_worker_offers_2_cu_not_the_tables_3()
    {
        // 11834Mi for pods beside every DaemonSet, 10214Mi beside the system Deployments too: a TaskManager of 3 CU
        // (12288Mi) would stay Pending, and so would one of 3 cores (2220m left).
        Assert.That(NodeAllocatable.ForPods(4, 16), Is.EqualTo(new NodeRequests(3220, 11834)));
        Assert.That(NodeAllocatable.ForTaskManager(4, 16), Is.EqualTo(new NodeRequests(2220, 10214)));
        Assert.That(WorkerResources.UsableOf(4, 16), Is.EqualTo(new UsableResources(2, 9)));
        Assert.That(InstanceCatalog.Type("ecs.g7.xlarge")!.ComputeUnitCount, Is.EqualTo(2));
        // Large machines: the kernel's share of capacity (5.6 % in ACK's example) outgrows the table's margin.
        Assert.That(InstanceCatalog.Type("ecs.g7.6xlarge")!.ComputeUnitCount, Is.EqualTo(20), "the table's 21");
        Assert.That(InstanceCatalog.Type("ecs.g7.8xlarge")!.ComputeUnitCount, Is.EqualTo(27), "the table's 28");
        Assert.That(InstanceCatalog.Type("ecs.g7.16xlarge")!.ComputeUnitCount, Is.EqualTo(56), "the table's 60");
    }

    // Source: ACK, "Node resource reservation policy": a 4-vCPU 8 GiB node (7925980Ki capacity) has 3900m
    // and 5824732Ki (5688Mi) allocatable; Terway's and the CSI plugin's charts for their requests.
    [Test]
    public void The_allocatable_model_gives_acks_example_and_the_daemon_sets_their_requests()
    {
        Assert.That(NodeAllocatable.Of(4, 8).MilliCpu, Is.EqualTo(3900));
        Assert.That(NodeAllocatable.Of(4, 8).MemoryMiB, Is.InRange(5600, 5688), "at most ACK's own figure");
        Assert.That(NodeAllocatable.DaemonSetRequests, Is.EqualTo(new NodeRequests(680, 760)), "Terway, CSI, the log collector, the Prometheus node agent");
        Assert.That(NodeAllocatable.SystemDeploymentRequests, Is.EqualTo(new NodeRequests(1000, 1620)), "CoreDNS (2 pods), metrics-server, the pod identity webhook, the log and Prometheus collectors");
        Assert.That(NodeAllocatable.ReservedMilliCpu(64), Is.EqualTo(1600));
        Assert.That(NodeAllocatable.ReservedMemoryMiB(64), Is.EqualTo((long)System.Math.Ceiling((1 + 0.8 + 0.8 + 48 * 0.06) * 1024)));
    }

    [Test]
    public void Every_catalogue_worker_type_offering_cu_gives_its_pods_what_its_taskmanager_requests()
    {
        foreach (var type in InstanceCatalog.Types.Where(t => t.ComputeUnitCount > 0))
        {
            var requests = new NodeRequests(type.Usable.Cores * 1000L, type.Usable.MemoryGiB * 1024L);
            Assert.That(requests.FitsIn(NodeAllocatable.ForTaskManager(type.Cores, type.MemoryGiB)), Is.True, type.Name);
        }
    }

    [Test]
    public void Machines_between_or_beyond_the_tables_rows_withhold_what_the_next_larger_row_does()
    {
        Assert.That(WorkerResources.UsableOf(12, 48), Is.EqualTo(new UsableResources(9, 36)), "as 16 cores: 3 withheld");
        Assert.That(WorkerResources.UsableOf(2, 8), Is.EqualTo(new UsableResources(0, 3)), "as 4 cores: 1 withheld, and the system pods leave no whole core beside them");
        Assert.That(WorkerResources.UsableOf(96, 372), Is.EqualTo(new UsableResources(92, 334)), "as the largest row: 4 cores withheld; its TaskManager has 334 GiB beside the system pods");
        Assert.That(InstanceCatalog.Type("ecs.c7.2xlarge")!.ComputeUnitCount, Is.EqualTo(2), "8 cores 16 GiB: 6 cores but 8 GiB left, the memory runs out first");
    }

    // Source: "Specification selection": 4c16g up to 80 CU, 8c32g 160, 16c64g 800, 24c96g 800 and more.
    [Test]
    public void The_master_ladder_ends_with_24_cores_for_800_cu_and_more()
    {
        Assert.That(ComputeUnits.MasterLadder.Select(s => (s.Cores, s.MemoryGiB, s.MaxComputeUnits)), Is.EqualTo(new (int, int, int?)[]
        {
            (4, 16, 80), (8, 32, 160), (16, 64, 800), (24, 96, null),
        }));
        Assert.That((ComputeUnits.MinWorkers, ComputeUnits.MaxWorkers), Is.EqualTo((2, 1000)), "ALIYUN::FOAS::Cluster SlaveNumber");
    }

    // Source: Flink's CheckpointingOptions and HighAvailabilityOptions (read 2026-11-27).
    [Test]
    public void Derived_flink_settings_are_guarded_under_every_name_flink_reads()
    {
        Assert.That(FlinkDefaults.DerivedSettingReadAs("state.checkpoints.dir")!.Key, Is.EqualTo("execution.checkpointing.dir"));
        Assert.That(FlinkDefaults.DerivedSettingReadAs("state.backend.fs.checkpointdir")!.Key, Is.EqualTo("execution.checkpointing.dir"));
        Assert.That(FlinkDefaults.DerivedSettingReadAs("state.savepoints.dir")!.Key, Is.EqualTo("execution.checkpointing.savepoint-dir"));
        Assert.That(FlinkDefaults.DerivedSettingReadAs("high-availability")!.Key, Is.EqualTo("high-availability.type"));
        Assert.That(FlinkDefaults.DerivedSettingReadAs("recovery.mode")!.Key, Is.EqualTo("high-availability.type"));
        Assert.That(FlinkDefaults.DerivedSettingReadAs("high-availability-extra"), Is.Null, "a prefix covers its own family only");
        Assert.That(FlinkDefaults.DerivedSettingReadAs("fs.oss.credentials.provider"), Is.Null);
    }

    // Source: Flink 1.20's options (NettyShuffleEnvironmentOptions, TaskManagerOptions, JobManagerOptions,
    // BlobServerOptions, RestOptions), read 2026-11-27.
    [Test]
    public void Flink_ports_are_pinned_under_flinks_own_names()
    {
        Assert.That(FlinkPorts.All.Select(p => $"{p.Setting}={p.Number}"), Is.EqualTo(new[]
        {
            "taskmanager.data.port=6121", "taskmanager.rpc.port=6122", "jobmanager.rpc.port=6123", "blob.server.port=6124", "rest.port=8081", "metrics.reporter.prom.port=9249",
            "metrics.internal.query-service.port=50100",
        }));
        Assert.That(FlinkPorts.Rest.OtherNames, Is.EquivalentTo(new[] { "rest.bind-port", "web.port", "jobmanager.web.port" }));
        Assert.That(FlinkDefaults.DerivedSettingReadAs("taskmanager.data.bind-port")!.Key, Is.EqualTo("taskmanager.data.port"));
    }

    // Source: Flink 1.20's option classes, as FlinkOptionNames cites them per option (read 2026-11-27).
    [Test]
    public void Flink_option_names_carry_the_deprecated_and_fallback_keys_of_their_classes()
    {
        Assert.That(FlinkOptionNames.OtherNamesOf("rest.bind-address"), Is.EqualTo(new[] { "web.address", "jobmanager.web.address" }), "RestOptions.BIND_ADDRESS");
        Assert.That(FlinkOptionNames.OtherNamesOf("execution.checkpointing.dir"), Is.EqualTo(new[] { "state.checkpoints.dir", "state.backend.fs.checkpointdir" }), "CheckpointingOptions.CHECKPOINTS_DIRECTORY");
        Assert.That(FlinkOptionNames.OtherNamesOf("high-availability.type"), Is.EqualTo(new[] { "recovery.mode", "high-availability" }), "HighAvailabilityOptions.HA_MODE");
        Assert.That(FlinkOptionNames.OtherNamesOf("kubernetes.pod-template-file.default"), Is.EqualTo(new[] { "kubernetes.pod-template-file" }), "KubernetesConfigOptions");
        Assert.That(FlinkOptionNames.All.Select(o => o.Key), Is.Unique);
        Assert.That(FlinkOptionNames.All.SelectMany(o => o.Names), Is.Unique, "a name belongs to one option");
        // Every key the program derives or guards is in the one list.
        Assert.That(FlinkDefaults.SettingsFromSpec.Where(d => !d.Key.StartsWith("kubernetes.operator.", System.StringComparison.Ordinal) && d.Prefixes.IsEmpty)
            .Select(d => d.Key).Concat(FlinkDefaults.ExposingSettings.Select(e => e.Key)).Concat(new[] { FlinkPorts.HighAvailabilityJobManagerPort }),
            Is.SubsetOf(FlinkOptionNames.All.Select(o => o.Key)));
    }

    // Source: terraform-provider-alicloud, alicloud_security_group_rule (ip_protocol's validation;
    // description documented as 1 to 512 characters, as ECS AuthorizeSecurityGroup has it).
    [Test]
    public void Security_group_rules_take_the_providers_protocols_and_descriptions()
    {
        Assert.That(ClusterPorts.Protocols, Is.EqualTo(new[] { "tcp", "udp", "icmp", "icmpv6", "gre", "all" }));
        Assert.That(ClusterPorts.Protocols.Where(ClusterPorts.IsPortless), Is.EqualTo(new[] { "icmp", "icmpv6", "gre", "all" }));
        Assert.That((NameLimits.SecurityGroupRuleDescription.MinLength, NameLimits.SecurityGroupRuleDescription.MaxLength), Is.EqualTo((1, 512)));
    }

    // Source: Alibaba Cloud TagResources (VPC, ECS, SLB, RDS): up to 20 tags on each instance.
    [Test]
    public void A_resource_carries_at_most_20_tags()
    {
        Assert.That(AlibabaCloud.MaxTagsPerResource, Is.EqualTo(20));
    }

    // Source: ACK CreateCluster, service_cidr: 10.0.0.0/16-24, 172.16-31.0.0/16-24, 192.168.0.0/16-24.
    [Test]
    public void The_service_cidr_comes_from_the_private_ranges_with_a_16_to_24_mask()
    {
        Assert.That(ClusterDefaults.ServiceCidrRanges, Is.EqualTo(new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16" }));
        Assert.That((ClusterDefaults.ServiceCidrMinPrefixLength, ClusterDefaults.ServiceCidrMaxPrefixLength), Is.EqualTo((16, 24)));
    }

    // Source: ECS DescribeAvailableResource (help.aliyun.com document 66186, read 2026-12-05): rows are its dated answers.
    [Test]
    public void Availability_rows_name_catalogue_families_and_zones_of_their_region_and_decide_only_what_they_cover()
    {
        foreach (var row in InstanceAvailability.Known.Rows)
        {
            Assert.That(InstanceCatalog.Family(row.Family), Is.Not.Null, row.ToString());
            Assert.That(row.Zones, Is.SubsetOf(AlibabaCloud.ZonesOf(row.Region)), row.ToString());
            Assert.That(row.Read, Does.Match(@"^\d{4}-\d{2}-\d{2}$"), row.ToString());
        }
        var table = new InstanceAvailability.Table([new("cn-shanghai", "gn7i", ["cn-shanghai-l"], "a test's row", "2026-12-05")]);
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-l"), Is.EqualTo(ZoneOffer.Offered));
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m"), Is.EqualTo(ZoneOffer.NotOffered));
        Assert.That(table.Offer("cn-shanghai", "g7", "cn-shanghai-m"), Is.EqualTo(ZoneOffer.Unconfirmed));
        Assert.That(table.Offer("cn-hangzhou", "gn7i", "cn-hangzhou-h"), Is.EqualTo(ZoneOffer.Unconfirmed));
        Assert.That(InstanceAvailability.RefreshCommand("cn-shanghai", "ecs.gn7i-c8g1.2xlarge", "PrePaid"),
            Is.EqualTo("aliyun ecs DescribeAvailableResource --RegionId cn-shanghai --DestinationResource Zone --IoOptimized optimized --InstanceChargeType PrePaid --InstanceType ecs.gn7i-c8g1.2xlarge"));
    }
}
