using System.Text.Json.Serialization;

namespace BlinkInfra.Config;

/// <summary>How a violation of a policy is treated: it stops a deployment, it is reported, or the policy is off.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnforcementLevel>))]
public enum EnforcementLevel
{
    Mandatory,
    Advisory,
    Disabled,
}
