using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:dataAccess`.</summary>
public sealed class DataAccessConfig
{
    /// <summary>Retired: refused with what replaced it (<see cref="IsolationSpecBuilder"/>).</summary>
    public List<DataVswitchConfig> Vswitches { get; set; } = new();
    public CrossAccountConfig? CrossAccount { get; set; }
    public List<DataEndpointConfig> Endpoints { get; set; } = new();
}
