using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkInfra.Config;
using BlinkInfra.Policies;
using NUnit.Framework;

namespace BlinkInfra.Tests.Policies;

/// <summary>
/// The CrossGuard pack declares one policy per C# policy, of its kind (validateResource or validateStack), at its default level, as
/// policies/crossguard/policies.json: written from the packs here, so the pack holds no list of its own.
/// Rewrite it after adding, renaming or re-levelling a policy with
/// BLINKINFRA_UPDATE_CROSSGUARD=1 ./blink test --filter CrossGuardManifestTests
/// </summary>
public class CrossGuardManifestTests
{
    private static string Manifest()
    {
        var manifest = new JsonObject
        {
            ["comment"] = "Written from the C# policy packs by BLINKINFRA_UPDATE_CROSSGUARD=1 ./blink test --filter CrossGuardManifestTests; do not edit.",
            ["packs"] = new JsonArray(PolicyEngine.Packs.Select(p => (JsonNode)p.Id).ToArray()),
            ["policies"] = new JsonArray(PolicyEngine.Packs.SelectMany(pack => pack.Policies.Select(policy => (JsonNode)new JsonObject
            {
                ["name"] = policy.Name,
                ["code"] = policy.Entry.Code,
                ["pack"] = pack.Id,
                // resource: one resource decides (the pack's validateResource, as CrossGuard registers it); stack: validateStack.
                ["kind"] = PolicyKinds.Name(policy.Kind),
                ["description"] = policy.Description,
                ["enforcementLevel"] = EnforcementLevels.Name(policy.Level),
            })).ToArray()),
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    [Test]
    public void The_packs_manifest_lists_every_policy_at_its_default_level()
    {
        var path = TestPaths.CrossGuard("policies.json");
        if (Environment.GetEnvironmentVariable("BLINKINFRA_UPDATE_CROSSGUARD") == "1")
            File.WriteAllText(path, Manifest());

        Assert.That(File.Exists(path), Is.True, "no policies/crossguard/policies.json: run with BLINKINFRA_UPDATE_CROSSGUARD=1");
        Assert.That(File.ReadAllText(path), Is.EqualTo(Manifest()), "the policies changed; rewrite the manifest (see this class's summary)");
    }
}
