using BlinkInfra.Config;
using Pulumi;
using Pulumi.AliCloud.CS.Outputs;

namespace BlinkInfra.Engine;

/// <summary>What the RAM roles of RRSA trust: the cluster's OIDC provider, and its issuer URL for the oidc:iss condition.</summary>
public sealed record RrsaIssuer(string OidcProviderArn, string IssuerUrl)
{
    /// <summary>The cluster's RRSA metadata, or a RunException naming the cluster when it lacks either value.</summary>
    /// <remarks>
    /// Known only once the cluster exists (a preview of a new cluster never runs this). The stack enables
    /// RRSA on the cluster, so a cluster without it is one changed behind Pulumi's back, or a provider
    /// that did not report it.
    /// </remarks>
    public static RrsaIssuer Of(ManagedKubernetesRrsaMetadata? metadata, string clusterName)
    {
        if (metadata?.RamOidcProviderArn is not { Length: > 0 } providerArn)
            throw new RunException($"{DiagnosticCatalogue.LookupFailed.Code}: cluster {clusterName} reports no RRSA OIDC provider: no RAM role can trust its service accounts, so none is declared (is RRSA enabled on the cluster?)");
        if (metadata.RrsaOidcIssuerUrl is not { Length: > 0 } issuerUrl)
            throw new RunException($"{DiagnosticCatalogue.LookupFailed.Code}: cluster {clusterName} reports no RRSA OIDC issuer URL: no RAM role can condition its trust on oidc:iss, so none is declared (is RRSA enabled on the cluster?)");
        return new RrsaIssuer(providerArn, issuerUrl);
    }
}
