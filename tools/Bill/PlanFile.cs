using System.Text.Json.Nodes;
using BlinkInfra.Plan;

namespace BlinkInfra.Bill;

/// <summary>
/// A plan as `plan --json` writes it: the plan itself (what `diff` and `check` read back), then its
/// bill of materials, read from its resources, and the estimate when prices were given. Reading a plan
/// back ignores both: a bill of materials is always computed again from the resources.
/// </summary>
public static class PlanFile
{
    public const string BillKey = "billOfMaterials";
    public const string EstimateKey = "estimate";

    public static string Json(StackPlan plan, Estimate? estimate = null)
    {
        var node = JsonNode.Parse(plan.ToJson())!.AsObject();
        node[BillKey] = BillJson.Of(BillOfMaterials.Of(plan.Resources));
        if (estimate is not null)
            node[EstimateKey] = BillJson.Of(estimate);
        return node.ToJsonString(StackPlan.JsonOptions);
    }
}
