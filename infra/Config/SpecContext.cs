using System.Net;
using System.Text.Json;
using System.Collections.Generic;
using BlinkInfra.Facts;

namespace BlinkInfra.Config;

/// <summary>
/// What every section's builder takes beside its own config, in the one form builders have,
/// <c>TSpec? Build(TConfig config, SpecContext context)</c>: the config as read, the region and billing the cluster
/// section gave, network.cidrBlock as parsed once, the parts of the spec built before it, and the run's errors, to
/// which it adds its own. <see cref="SpecLoader"/> runs the builders in the order of the spec's dependencies, each
/// only when the sections it reads passed every earlier phase.
/// </summary>
public sealed class SpecContext
{
    public SpecContext(RawStackConfig raw, List<SpecError> errors)
    {
        Raw = raw;
        Errors = errors;
    }

    /// <summary>The config as read (the secrets' keys: endpointCredentials, alertContacts).</summary>
    public RawStackConfig Raw { get; }

    /// <summary>The config's structured values as the front door parsed them, once (the secret keys' builders read theirs here).</summary>
    public ConfigDocuments Documents { get; init; } = ConfigDocuments.None;

    /// <summary>
    /// A secret key's JSON object as the front door parsed it (its text is never parsed again); null, with the error
    /// added and the value masked, when the value is not JSON or not an object. <paramref name="allowed"/> says what is.
    /// </summary>
    public JsonElement? SecretObject(string key, string allowed)
    {
        if (Documents.Of(key) is not { } root)
            Errors.Add(new SpecError(DiagnosticCatalogue.UnreadableSecret, key, Secrets.Mask, $"not JSON; allowed: {allowed}"));
        else if (root.ValueKind != JsonValueKind.Object)
            Errors.Add(new SpecError(DiagnosticCatalogue.UnreadableSecret, key, Secrets.Mask, $"not an object; allowed: {allowed}"));
        else
            return root;
        return null;
    }

    /// <summary>Every error of the run: a builder adds its own, each naming its key.</summary>
    public List<SpecError> Errors { get; }

    /// <summary>The cluster's region, once the cluster section gave a valid one; null otherwise.</summary>
    public string? Region { get; init; }

    public BillingMode Billing { get; init; } = SpecDefaults.Billing;

    /// <summary>Whether the cluster's name is the stack's (cluster.name not given).</summary>
    public bool NameFromStack { get; init; }

    /// <summary>network.cidrBlock, parsed once.</summary>
    public VpcBlock? Vpc { get; init; }

    /// <summary>What the cluster reaches outside its own vSwitches (data endpoints, the tenant's blocks), with its block: the Service CIDR overlaps none.</summary>
    public IReadOnlyList<(string What, IPNetwork2 Block)> Reached { get; init; } = [];

    public ClusterSpec? Cluster { get; set; }

    public NetworkSpec? Network { get; set; }

    public ComputeSpec? Compute { get; set; }

    public DataAccessSpec? DataAccess { get; set; }
}
