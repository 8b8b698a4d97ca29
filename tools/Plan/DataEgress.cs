using System.Text.Json.Serialization;
using BlinkInfra.Config;
using Pulumi.AliCloud.CS;
using Pulumi.AliCloud.Ecs;
using Pulumi.AliCloud.Oss;

namespace BlinkInfra.Plan;

/// <summary>A declared endpoint as the pods' egress rules open it: tcp, that port, that block.</summary>
public sealed record DataEgress([property: JsonPropertyName("cidr")] string Cidr, [property: JsonPropertyName("port")] int Port);
