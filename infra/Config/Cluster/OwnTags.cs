using System.Collections.Immutable;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// The tag keys BlinkInfra puts on what it creates, beside the stack's own tags: the model knows them
/// because they share Alibaba Cloud's per-resource limit with the stack's tags.
/// </summary>
public static class OwnTags
{
    public const string ClusterKey = SpecDefaults.TagPrefix + "cluster";
    public const string StackKey = SpecDefaults.TagPrefix + "stack";
    public const string ManagedByKey = SpecDefaults.TagPrefix + "managed-by";

    /// <summary>BlinkInfra's own tags on every resource, and the one more a master machine carries (its role).</summary>
    public static readonly ImmutableArray<string> MarkerKeys = ImmutableArray.Create(ClusterKey, StackKey, ManagedByKey);
    public static readonly ImmutableArray<string> MasterMachineKeys = MarkerKeys.Add(NodeRoles.RoleLabel);

    /// <summary>The most tags of BlinkInfra's own on one resource: a stack's tags share the rest of the cloud's limit.</summary>
    public static int AtMost => MasterMachineKeys.Length;

    /// <summary>The tags a stack may give: the cloud's limit on a resource less BlinkInfra's own.</summary>
    public static int UserTagsLeft => AlibabaCloud.MaxTagsPerResource - AtMost;
}
