using System.Collections.Immutable;
using System.Linq;
using BlinkInfra.Plan;

namespace BlinkInfra.Policies.Packs;

/// <summary>blink-mode: exclusive mode only; shared mode was retired.</summary>
public static class ModePack
{
    public static readonly PolicyPack Pack = new("blink-mode", "1.0.0", ImmutableArray.Create<Policy>(
        new StackPolicy("exclusive-mode-only", "The stack asks for exclusive mode.", EnforcementLevel.Mandatory, input =>
            input.Settings.Mode == "exclusive"
                ? Enumerable.Empty<(PlannedResource?, string)>()
                : new[] { ((PlannedResource?)null, $"mode {input.Settings.Mode}: shared mode was retired on 2019-12-24; use exclusive mode") }),

        new ResourcePolicy("udfs-in-exclusive-mode-only", "Jobs with user-defined functions run in exclusive mode only.", EnforcementLevel.Mandatory,
            ImmutableArray.Create("kubernetes:flink.apache.org/v1beta1:FlinkSessionJob"), (job, input) =>
                input.Settings.Mode == "exclusive"
                    ? System.Array.Empty<string>()
                    : new[] { $"a UDF job in {input.Settings.Mode} mode; allowed: exclusive mode" })));
}
