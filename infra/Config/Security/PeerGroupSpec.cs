
namespace BlinkInfra.Config;

/// <summary>Ingress from another security group into one role's group.</summary>
public sealed record PeerGroupSpec(string SecurityGroupId, string Role, string Protocol, string PortRange, string? Description);
