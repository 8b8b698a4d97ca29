// Mirrors sdk/dotnet/Arms/DispatchRule.cs and sdk/dotnet/Arms/Inputs/DispatchRuleGroupRuleArgs.cs,
// DispatchRuleLabelMatchExpressionGridArgs.cs, DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupArgs.cs,
// DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupLabelMatchExpressionArgs.cs, DispatchRuleNotifyRuleArgs.cs
// and DispatchRuleNotifyRuleNotifyObjectArgs.cs of pulumi/pulumi-alicloud (Pulumi.AliCloud 3.105.0).
using Pulumi;

namespace Pulumi.AliCloud.Arms
{
    [AliCloudResourceType("alicloud:arms/dispatchRule:DispatchRule")]
    public partial class DispatchRule : global::Pulumi.CustomResource
    {
        public DispatchRule(string name, DispatchRuleArgs args, CustomResourceOptions? options = null)
            : base("alicloud:arms/dispatchRule:DispatchRule", name, args ?? new DispatchRuleArgs(), options)
        {
        }
    }

    public sealed class DispatchRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("dispatchRuleName", required: true)]
        public Input<string> DispatchRuleName { get; set; } = null!;

        [Input("dispatchType")]
        public Input<string>? DispatchType { get; set; }

        [Input("groupRules", required: true)]
        private InputList<Inputs.DispatchRuleGroupRuleArgs>? _groupRules;

        public InputList<Inputs.DispatchRuleGroupRuleArgs> GroupRules
        {
            get => _groupRules ??= new InputList<Inputs.DispatchRuleGroupRuleArgs>();
            set => _groupRules = value;
        }

        [Input("isRecover")]
        public Input<bool>? IsRecover { get; set; }

        [Input("labelMatchExpressionGrids", required: true)]
        private InputList<Inputs.DispatchRuleLabelMatchExpressionGridArgs>? _labelMatchExpressionGrids;

        public InputList<Inputs.DispatchRuleLabelMatchExpressionGridArgs> LabelMatchExpressionGrids
        {
            get => _labelMatchExpressionGrids ??= new InputList<Inputs.DispatchRuleLabelMatchExpressionGridArgs>();
            set => _labelMatchExpressionGrids = value;
        }

        [Input("notifyRules", required: true)]
        private InputList<Inputs.DispatchRuleNotifyRuleArgs>? _notifyRules;

        public InputList<Inputs.DispatchRuleNotifyRuleArgs> NotifyRules
        {
            get => _notifyRules ??= new InputList<Inputs.DispatchRuleNotifyRuleArgs>();
            set => _notifyRules = value;
        }

        public DispatchRuleArgs()
        {
        }
    }
}

namespace Pulumi.AliCloud.Arms.Inputs
{
    public sealed class DispatchRuleGroupRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("groupInterval", required: true)]
        public Input<int> GroupInterval { get; set; } = null!;

        [Input("groupWaitTime", required: true)]
        public Input<int> GroupWaitTime { get; set; } = null!;

        [Input("groupingFields", required: true)]
        private InputList<string>? _groupingFields;

        public InputList<string> GroupingFields
        {
            get => _groupingFields ??= new InputList<string>();
            set => _groupingFields = value;
        }

        [Input("repeatInterval")]
        public Input<int>? RepeatInterval { get; set; }

        public DispatchRuleGroupRuleArgs()
        {
        }
    }

    public sealed class DispatchRuleLabelMatchExpressionGridArgs : global::Pulumi.ResourceArgs
    {
        [Input("labelMatchExpressionGroups", required: true)]
        private InputList<DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupArgs>? _labelMatchExpressionGroups;

        public InputList<DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupArgs> LabelMatchExpressionGroups
        {
            get => _labelMatchExpressionGroups ??= new InputList<DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupArgs>();
            set => _labelMatchExpressionGroups = value;
        }

        public DispatchRuleLabelMatchExpressionGridArgs()
        {
        }
    }

    public sealed class DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupArgs : global::Pulumi.ResourceArgs
    {
        [Input("labelMatchExpressions", required: true)]
        private InputList<DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupLabelMatchExpressionArgs>? _labelMatchExpressions;

        public InputList<DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupLabelMatchExpressionArgs> LabelMatchExpressions
        {
            get => _labelMatchExpressions ??= new InputList<DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupLabelMatchExpressionArgs>();
            set => _labelMatchExpressions = value;
        }

        public DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupArgs()
        {
        }
    }

    public sealed class DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupLabelMatchExpressionArgs : global::Pulumi.ResourceArgs
    {
        [Input("key", required: true)]
        public Input<string> Key { get; set; } = null!;

        [Input("operator", required: true)]
        public Input<string> Operator { get; set; } = null!;

        [Input("value", required: true)]
        public Input<string> Value { get; set; } = null!;

        public DispatchRuleLabelMatchExpressionGridLabelMatchExpressionGroupLabelMatchExpressionArgs()
        {
        }
    }

    public sealed class DispatchRuleNotifyRuleArgs : global::Pulumi.ResourceArgs
    {
        [Input("notifyChannels", required: true)]
        private InputList<string>? _notifyChannels;

        public InputList<string> NotifyChannels
        {
            get => _notifyChannels ??= new InputList<string>();
            set => _notifyChannels = value;
        }

        [Input("notifyEndTime", required: true)]
        public Input<string> NotifyEndTime { get; set; } = null!;

        [Input("notifyObjects", required: true)]
        private InputList<DispatchRuleNotifyRuleNotifyObjectArgs>? _notifyObjects;

        public InputList<DispatchRuleNotifyRuleNotifyObjectArgs> NotifyObjects
        {
            get => _notifyObjects ??= new InputList<DispatchRuleNotifyRuleNotifyObjectArgs>();
            set => _notifyObjects = value;
        }

        [Input("notifyStartTime", required: true)]
        public Input<string> NotifyStartTime { get; set; } = null!;

        public DispatchRuleNotifyRuleArgs()
        {
        }
    }

    public sealed class DispatchRuleNotifyRuleNotifyObjectArgs : global::Pulumi.ResourceArgs
    {
        [Input("name", required: true)]
        public Input<string> Name { get; set; } = null!;

        [Input("notifyObjectId", required: true)]
        public Input<string> NotifyObjectId { get; set; } = null!;

        [Input("notifyType", required: true)]
        public Input<string> NotifyType { get; set; } = null!;

        public DispatchRuleNotifyRuleNotifyObjectArgs()
        {
        }
    }
}
