using System.Collections.Generic;
using BlinkInfra.Config;
using BlinkInfra.Facts;
using BlinkInfra.Network;
using Pulumi;
using Pulumi.AliCloud.Log;

namespace BlinkInfra.Observability;

/// <summary>What <see cref="ClusterLogs"/> is built from, set by name as Pulumi's own Args are.</summary>
public sealed class ClusterLogsArgs
{
    /// <summary>The logs the spec asks for: the project's name, the retention.</summary>
    public required LogsSpec Spec { get; init; }

    /// <summary>The stack's tags, on every resource that takes tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The Log Service project the cluster's logs go to, with a logstore for the Flink pods and one for the operator's,
/// each keeping a log for the spec's retention. Declared before the cluster, which names the project for its log
/// add-on, control-plane logs and audit log: ACK would otherwise create a project of that name itself, and this one
/// would then fail as existing. Sources: terraform-provider-alicloud v1.285.0, alicloud_log_project (project_name
/// ForceNew; `name` deprecated for it) and alicloud_log_store (project_name and logstore_name ForceNew, `project`
/// and `name` deprecated for them; retention_period 1 to 3650 days, 30 by default; shard_count ForceNew, 2 by
/// default; auto_split with max_split_shard_count). Their replacement facts:
/// infra/Facts/alicloud-replacement-inputs.json.
/// </summary>
public sealed class ClusterLogs : ComponentResource
{
    public const string TypeToken = "blink:observability:ClusterLogs";

    /// <summary>The project's name, once the project is there: what the cluster waits for.</summary>
    [Output("projectName")]
    public Output<string> ProjectName { get; private set; }

    /// <summary>The logstores' names by store (<see cref="Logging.FlinkStore"/>, <see cref="Logging.OperatorStore"/>), once each is there.</summary>
    public IReadOnlyDictionary<string, Output<string>> Logstores { get; }

    public ClusterLogs(string name, ClusterLogsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        var project = new Project($"{name}-logs", new ProjectArgs
        {
            ProjectName = args.Spec.Project,
            Description = DerivedNames.LogProjectDescription(name),
            Tags = Tagging.ToInputMap(args.Tags),
        }, DeletedFirst());
        ProjectName = project.ProjectName;
        var logstores = new SortedDictionary<string, Output<string>>(System.StringComparer.Ordinal);
        foreach (var store in new[] { Logging.FlinkStore, Logging.OperatorStore })
        {
            logstores[store] = new Store($"{name}-logstore-{store}", new StoreArgs
            {
                ProjectName = project.ProjectName,
                LogstoreName = store,
                RetentionPeriod = args.Spec.RetentionDays,
                ShardCount = Logging.ShardCount,
                AutoSplit = true,
                MaxSplitShardCount = Logging.MaxSplitShardCount,
            }, DeletedFirst()).LogstoreName;
        }
        Logstores = logstores;
        // Every [Output] property, under its name (ComponentResource.RegisterOutputs(), Pulumi 3.59 and later).
        RegisterOutputs();
    }

    /// <summary>
    /// A project's name is unique in its region across all accounts, a logstore's in its project: a replacement that
    /// keeps the name cannot create the new one beside the old (infra/Facts/ChangeConsequences.cs, DeleteFirst).
    /// </summary>
    private CustomResourceOptions DeletedFirst() => new() { Parent = this, DeleteBeforeReplace = true };
}
