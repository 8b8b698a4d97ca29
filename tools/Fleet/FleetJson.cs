using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Bill;
using BlinkInfra.Config;
using BlinkInfra.Diff;
using BlinkInfra.Plan;
using BlinkInfra.Recorder;

namespace BlinkInfra.Fleet;

/// <summary>
/// The fleet as one JSON document (`fleet --json`): what the table shows, a tenant per stack with its
/// settings, pools, policy report (as `check --json` writes its violations), bill of materials, estimate
/// and change; the tenants removed; the totals; the exit code. Built node by node, as the native CLI
/// needs no serializer for it.
/// </summary>
public static class FleetJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Text(FleetReport fleet) => Of(fleet).ToJsonString(Indented);

    public static JsonObject Of(FleetReport fleet)
    {
        int Count(string verdict) => fleet.Tenants.Count(t => t.Verdict == verdict);
        var bills = fleet.Tenants.Where(t => t.Bill is not null).Select(t => t.Bill!).ToList();
        var machines = bills.SelectMany(b => b.MachinesByType).GroupBy(g => (g.InstanceType, g.Billing))
            .Select(g => new JsonObject
            {
                ["instanceType"] = g.Key.InstanceType,
                ["billing"] = g.Key.Billing,
                ["min"] = g.Sum(m => m.Machines.Min),
                ["max"] = g.Sum(m => m.Machines.Max),
            });
        var ha = bills.Where(b => b.HighAvailabilityPremium is not null).Select(b => b.HighAvailabilityPremium!).ToList();
        var totals = new JsonObject
        {
            ["machines"] = BillJson.Bounds(bills.Aggregate(Amount.Zero, (sum, b) => sum + b.Machines)),
            ["machinesByType"] = new JsonArray(machines.ToArray<JsonNode?>()),
            ["diskGiB"] = BillJson.Bounds(bills.Aggregate(Amount.Zero, (sum, b) => sum + b.DiskGiB)),
            ["natGateways"] = bills.Sum(b => b.NatGateways.Length),
            ["eips"] = bills.Sum(b => b.Eips.Length),
            ["apiServerLoadBalancers"] = bills.Sum(b => b.Clusters.Length),
            ["logShards"] = bills.Sum(b => b.LogShards),
            ["kmsKeys"] = bills.Sum(b => b.KmsKeys.Length),
            ["highAvailability"] = new JsonObject
            {
                ["stacks"] = ha.Count,
                ["masterMachines"] = ha.Sum(p => p.Machines.Max),
            },
        };
        if (fleet.Options.Prices is { } prices)
        {
            var estimates = fleet.Tenants.Where(t => t.Estimate is not null).Select(t => t.Estimate!).ToList();
            totals["estimate"] = new JsonObject
            {
                ["currency"] = prices.Currency,
                ["pricesFile"] = prices.Path,
                ["perMonth"] = BillJson.Bounds(estimates.Aggregate(Money.Zero, (s, e) => s + e.PerMonth)),
                ["highAvailabilityPremiumPerMonth"] = BillJson.Bounds(estimates.Where(e => e.HighAvailabilityPremium is not null).Aggregate(Money.Zero, (s, e) => s + e.HighAvailabilityPremium!.Value)),
                ["note"] = $"{Estimate.Caveat}; usage is not in it: {Facts.Billing.UsageBilled}",
            };
        }

        var root = new JsonObject
        {
            ["project"] = ConfigKeys.Namespace,
            ["sdk"] = SdkInfo.Kind,
            ["stacks"] = fleet.Tenants.Length,
            ["verdicts"] = new JsonObject
            {
                ["pass"] = Count("pass"),
                ["fail"] = Count("fail"),
                ["invalid"] = Count("invalid"),
                ["error"] = Count("error"),
            },
            ["exitCode"] = fleet.ExitCode,
            ["tenants"] = new JsonArray(fleet.Tenants.Select(Tenant).ToArray<JsonNode?>()),
            ["totals"] = totals,
        };
        if (fleet.Options.AgainstDir is { } dir)
        {
            root["against"] = new JsonObject
            {
                ["folder"] = dir,
                ["touched"] = new JsonArray(fleet.Tenants.Where(t => t.Change is { Touches: true }).Select(t => (JsonNode?)JsonValue.Create(t.Stack))
                    .Concat(fleet.Removed.Select(r => (JsonNode?)JsonValue.Create(r.Stack))).ToArray()),
                ["removed"] = new JsonArray(fleet.Removed.Select(r => (JsonNode?)new JsonObject
                {
                    ["stack"] = r.Stack,
                    ["saved"] = r.Saved,
                    ["delete"] = r.Resources,
                    ["billOfMaterials"] = BillJson.Of(r.Bill),
                }).ToArray()),
            };
        }
        return root;
    }

    private static JsonNode Tenant(Tenant t)
    {
        var obj = new JsonObject
        {
            ["stack"] = t.Stack,
            ["file"] = t.File,
            ["verdict"] = t.Verdict,
            ["exitCode"] = t.ExitCode,
        };
        if (t.Error is not null)
        {
            obj["error"] = t.Error;
            return obj;
        }
        obj["region"] = t.Settings?.Region;
        obj["billing"] = t.Settings?.Billing;
        obj["highAvailability"] = t.Bill!.HighAvailabilityPremium is not null;
        obj["resources"] = t.Resources;
        obj["computeUnits"] = t.Bill.ComputeUnits is { } cu ? BillJson.Bounds(cu) : null;
        obj["pools"] = new JsonArray(t.Bill.Pools.Select(p => (JsonNode?)BillJson.Pool(p)).ToArray());
        obj["policy"] = new JsonObject
        {
            ["mandatory"] = t.Mandatory,
            ["advisory"] = t.Advisory,
            ["violations"] = new JsonArray(t.Report!.Violations.Select(v => (JsonNode?)new JsonObject
            {
                ["pack"] = v.Pack,
                ["policy"] = v.Policy,
                ["code"] = v.Code,
                ["level"] = EnforcementLevels.Name(v.Level),
                ["resourceType"] = v.ResourceType,
                ["resourceName"] = v.ResourceName,
                ["message"] = v.Message,
            }).ToArray()),
        };
        obj["billOfMaterials"] = BillJson.Of(t.Bill);
        if (t.Estimate is not null)
            obj["estimate"] = BillJson.Of(t.Estimate);
        if (t.Change is { } change)
            obj["change"] = Change(change);
        if (t.Page is not null)
            obj["page"] = t.Page;
        return obj;
    }

    private static JsonObject Change(TenantChange change)
    {
        if (change.Error is not null)
            return new JsonObject { ["saved"] = change.Saved, ["error"] = change.Error };
        return new JsonObject
        {
            ["saved"] = change.Saved,
            ["status"] = change.Saved is null ? "new" : change.Touches ? "changed" : "unchanged",
            ["create"] = change.Count(DiffOp.Create),
            ["update"] = change.Count(DiffOp.Update),
            ["replace"] = change.Count(DiffOp.Replace),
            ["delete"] = change.Count(DiffOp.Delete) + change.Count(DiffOp.DeleteReplaced),
            ["same"] = change.Count(DiffOp.Same),
            ["resources"] = new JsonArray(change.Touched.Select(s => (JsonNode?)new JsonObject
            {
                ["op"] = DiffJson.OpName(s.Op),
                ["type"] = s.Type,
                ["name"] = s.Name,
                ["replaceReasons"] = new JsonArray(s.ReplaceReasons.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            }).ToArray()),
            ["replacementWarnings"] = new JsonArray(change.Replacements.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
            ["warnings"] = new JsonArray(change.Warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
        };
    }
}
