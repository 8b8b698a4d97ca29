using System.Text.Json.Serialization;
using BlinkInfra.Config;

namespace BlinkInfra.Plan;

/// <summary>A declared endpoint as the pods' egress rules open it: tcp, that port, that block.</summary>
public sealed record DataEgress([property: JsonPropertyName("cidr")] string Cidr, [property: JsonPropertyName("port")] int Port);
