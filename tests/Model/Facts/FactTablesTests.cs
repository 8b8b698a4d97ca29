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
    // Every row of the table (infra/Facts/instance-availability.json) must say what, where, from where and when.
    [Test]
    public void Availability_rows_name_catalogue_families_and_types_zones_of_their_region_a_source_and_a_date()
    {
        foreach (var row in InstanceAvailability.Known.Rows)
        {
            Assert.That(InstanceCatalog.Family(row.Family), Is.Not.Null, row.ToString());
            Assert.That(AlibabaCloud.RegionsFor(BillingMode.Subscription), Does.Contain(row.Region), row.ToString());
            Assert.That(row.Zones, Is.SubsetOf(AlibabaCloud.ZonesOf(row.Region)).And.Unique, row.ToString());
            Assert.That(row.Source, Is.Not.Empty.And.Not.Contains("\n"), row.ToString());
            Assert.That(row.Read, Does.Match(@"^\d{4}-\d{2}-\d{2}$"), row.ToString());
            Assert.That(System.DateOnly.TryParseExact(row.Read, "yyyy-MM-dd", out _), row.ToString());
            if (row.InstanceType is { } type)
                Assert.That(InstanceCatalog.Type(type)?.Family, Is.EqualTo(row.Family), row.ToString());
            if (row.ChargeType is { } charge)
                Assert.That(InstanceAvailability.ChargeTypes, Does.Contain(charge), row.ToString());
            Assert.That(row.Coverage == RowCoverage.Complete || !row.Zones.IsEmpty, "a partial row names a zone", row.ToString());
        }
        Assert.That(InstanceAvailability.Known.Rows.Select(r => (r.Region, r.Family, r.InstanceType, r.ChargeType)), Is.Unique, "one row per region, family or type, and billing method");
        Assert.That(InstanceAvailability.Known.Rows, Is.EqualTo(InstanceAvailability.Ordered(InstanceAvailability.Known.Rows)), "in the catalogue's order");
    }

    [Test]
    public void A_complete_row_decides_every_zone_of_its_region_and_a_partial_one_only_those_it_lists()
    {
        var table = new InstanceAvailability.Table([
            new("cn-shanghai", "gn7i", ["cn-shanghai-l"], "a test's row", "2026-12-05"),
            new("cn-hangzhou", "gn7i", ["cn-hangzhou-h"], "a test's page", "2026-12-05", RowCoverage.Partial)]);
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-l"), Is.EqualTo(ZoneOffer.Offered));
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m"), Is.EqualTo(ZoneOffer.NotOffered));
        Assert.That(table.Decide("cn-shanghai", "gn7i", "cn-shanghai-m").By, Is.EqualTo(table.Rows[0]));
        Assert.That(table.Offer("cn-shanghai", "g7", "cn-shanghai-m"), Is.EqualTo(ZoneOffer.Unconfirmed));
        Assert.That(table.Offer("cn-hangzhou", "gn7i", "cn-hangzhou-h"), Is.EqualTo(ZoneOffer.Offered));
        Assert.That(table.Offer("cn-hangzhou", "gn7i", "cn-hangzhou-i"), Is.EqualTo(ZoneOffer.Unconfirmed), "a partial row leaves the zones it does not list open");
        Assert.That(table.Decide("cn-hangzhou", "gn7i", "cn-hangzhou-i").By, Is.Null);
        // A family's row speaks for its types, unless a row of the type says otherwise.
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c8g1.2xlarge"), Is.EqualTo(ZoneOffer.NotOffered));
        Assert.That(table.Rows[0].ZonesText, Is.EqualTo("cn-shanghai-l"));
        Assert.That(table.Rows[1].ZonesText, Is.EqualTo("cn-hangzhou-h and maybe others"));
    }

    [Test]
    public void Rows_of_a_type_decide_before_the_familys_and_rows_of_one_billing_method_only_for_it()
    {
        var table = new InstanceAvailability.Table([
            new("cn-shanghai", "gn7i", ["cn-shanghai-l", "cn-shanghai-m"], "a family's answer", "2026-12-05"),
            new("cn-shanghai", "gn7i", ["cn-shanghai-l"], "a type's answer", "2026-12-05", InstanceType: "ecs.gn7i-c16g1.4xlarge", ChargeType: "PostPaid"),
            new("cn-beijing", "f3", [], "an answer", "2026-12-05", InstanceType: "ecs.f3-c4f1.xlarge", ChargeType: "PrePaid")]);
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c16g1.4xlarge", "PostPaid"), Is.EqualTo(ZoneOffer.NotOffered));
        Assert.That(table.Decide("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c16g1.4xlarge", "PostPaid").By!.Source, Is.EqualTo("a type's answer"));
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c16g1.4xlarge", "PrePaid"), Is.EqualTo(ZoneOffer.Offered), "the PostPaid answer says nothing of PrePaid");
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m", "ecs.gn7i-c8g1.2xlarge", "PostPaid"), Is.EqualTo(ZoneOffer.Offered), "the family's row for another type");
        Assert.That(table.Offer("cn-shanghai", "gn7i", "cn-shanghai-m"), Is.EqualTo(ZoneOffer.Offered));
        // The family in a zone, from rows of its types only: offered if one type is; not offered only when every type's complete row says so.
        Assert.That(table.Offer("cn-beijing", "f3", "cn-beijing-g"), Is.EqualTo(ZoneOffer.Unconfirmed), "one type of four answered");
        Assert.That(table.Offer("cn-beijing", "f3", "cn-beijing-g", "ecs.f3-c4f1.xlarge", "PrePaid"), Is.EqualTo(ZoneOffer.NotOffered));
        Assert.That(table.Offer("cn-beijing", "f3", "cn-beijing-g", "ecs.f3-c4f1.xlarge", "PostPaid"), Is.EqualTo(ZoneOffer.Unconfirmed));
        var everyType = new InstanceAvailability.Table([.. InstanceCatalog.TypesOf("f3").Select(t =>
            new InstanceAvailability.Row("cn-beijing", "f3", t.Name == "ecs.f3-c4f1.xlarge" ? ["cn-beijing-i"] : [], "an answer", "2026-12-05", InstanceType: t.Name))]);
        Assert.That(everyType.Offer("cn-beijing", "f3", "cn-beijing-g"), Is.EqualTo(ZoneOffer.NotOffered));
        Assert.That(everyType.Offer("cn-beijing", "f3", "cn-beijing-i"), Is.EqualTo(ZoneOffer.Offered));
    }

    [Test]
    public void The_data_file_round_trips_and_answers_replace_the_rows_they_answer_again()
    {
        var old = new InstanceAvailability.Row("cn-shanghai", "gn7i", ["cn-shanghai-l"], "an old answer", "2026-01-01", InstanceType: "ecs.gn7i-c8g1.2xlarge", ChargeType: "PostPaid");
        var family = new InstanceAvailability.Row("cn-shanghai", "gn7i", ["cn-shanghai-m"], "a page", "2026-12-05", RowCoverage.Partial);
        var hangzhou = new InstanceAvailability.Row("cn-hangzhou", "g7", [], "an answer", "2026-12-05", InstanceType: "ecs.g7.large", ChargeType: "PrePaid");
        var fresh = old with { Zones = ["cn-shanghai-l", "cn-shanghai-n"], Source = "a new answer", Read = "2027-01-10" };

        var table = new InstanceAvailability.Table([old, family]).With([fresh, hangzhou]);

        Assert.That(table.Rows, Is.EqualTo(new[] { hangzhou, family, fresh }), "the old answer replaced, in the catalogue's order");
        var json = InstanceAvailability.ToJson(table);
        Assert.That(InstanceAvailability.Parse(json).Rows, Is.EqualTo(table.Rows));
        Assert.That(json, Does.Contain("\"coverage\": \"partial\"").And.EndWith("}\n"));
        Assert.That(() => InstanceAvailability.Parse("""{"rows":[{"region":"cn-hangzhou","family":"g7","zones":[],"coverage":"some","source":"s","read":"2026-12-05"}]}"""),
            Throws.InstanceOf<System.IO.InvalidDataException>().With.Message.EqualTo("a row's coverage \"some\"; allowed: complete, partial"));
    }

    [Test]
    public void The_refresh_command_asks_for_every_type_of_the_region_or_one_and_import_records_the_answer()
    {
        Assert.That(InstanceAvailability.RefreshCommand("cn-shanghai", "PrePaid"),
            Is.EqualTo("aliyun ecs DescribeAvailableResource --RegionId cn-shanghai --DestinationResource InstanceType --IoOptimized optimized --InstanceChargeType PrePaid"));
        Assert.That(InstanceAvailability.RefreshCommand("cn-shanghai", "PostPaid", "ecs.gn7i-c8g1.2xlarge"),
            Is.EqualTo("aliyun ecs DescribeAvailableResource --RegionId cn-shanghai --DestinationResource InstanceType --IoOptimized optimized --InstanceChargeType PostPaid --InstanceType ecs.gn7i-c8g1.2xlarge"));
        Assert.That(InstanceAvailability.ImportCommand("a.json", "PostPaid"), Is.EqualTo("./blink availability import a.json --charge-type PostPaid --write"));
    }
}
