using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:cluster`.</summary>
public sealed class ClusterConfig
{
    [ConfigDoc("lower-case letters, digits and `-`, starting with a letter, not ending with `-`, at most 63 characters (an ACK cluster's name); prefixes every resource name, so the names built from it bound it further: at most 51 with the default bucket (`<name>-flink-state`), 49 with `engine.jobs` (the operator's RAM role `<name>-flink-operator`), 55 less the longest worker pool's name (each session cluster's RAM role `<name>-session-<pool>`: 52 with a pool `cpu`), 20 with `dataAccess.crossAccount` (the STS session `<name>-blink-infra`); see \"Names and descriptions\" in [config-guide.md](config-guide.md)", Default = "the stack name")]
    public string? Name { get; set; }
    [ConfigDoc("pay-as-you-go: `cn-hangzhou`, `cn-beijing`, `cn-shanghai`, `cn-shenzhen`; subscription also `cn-zhangjiakou`, `cn-hongkong`, `ap-southeast-1`", Default = "(required)")]
    public string? Region { get; set; }
    [ConfigDoc("`pay-as-you-go`, `subscription`", Default = "`pay-as-you-go`")]
    public BillingValue? Billing { get; set; }
    [ConfigDoc("`exclusive` (shared mode was retired on 2019-12-24 and is refused)", Default = "`exclusive`")]
    public string? Mode { get; set; }
    [ConfigDoc("a map of at most {=OwnTags.UserTagsLeft} tags (Alibaba Cloud allows {=AlibabaCloud.MaxTagsPerResource} on a resource, and a master machine carries {=OwnTags.AtMost} of BlinkInfra's own); keys and values at most 128 characters, not starting with `aliyun`, `acs:` or `blink.io/`, without `http://` or `https://`; a key cannot contain `:`")]
    public Dictionary<string, string> Tags { get; set; } = new();

    /// <summary>Names the cluster had before, newest first: its resources are found under them (Pulumi aliases).</summary>
    [ConfigDoc("names the cluster had before, newest first, each a name it could have had, not its current one, once: every component and the stack's providers are declared with them as aliases, so a renamed cluster keeps its resources ([Renaming](cli.md#renaming))")]
    public List<string> FormerNames { get; set; } = new();
}
