using System;

namespace BlinkInfra.Tests;

/// <summary>Failures as the real SDK meets them under the engine, for mocks to throw on either SDK.</summary>
public static class EngineFailures
{
    /// <summary>
    /// What a lookup the provider refused throws under the engine: the real SDK's invoke is a gRPC call,
    /// and Grpc.Core's RpcException carries the status as Status.ToString() writes it (grpc/grpc-dotnet,
    /// src/Grpc.Core.Api/Status.cs; observed on the real packages, ../shared/REAL-SDK-FACTS.md). Under
    /// mocks both SDKs hand the program what IMocks.CallAsync threw, as it is (MockMonitor.InvokeAsync),
    /// so a mock throwing this meets the program's code as the engine's answer would.
    /// </summary>
    public static Exception RefusedLookup(string detail, string code = "Unknown", string? debugException = null)
        => new InvalidOperationException(debugException is null
            ? $"Status(StatusCode=\"{code}\", Detail=\"{detail}\")"
            : $"Status(StatusCode=\"{code}\", Detail=\"{detail}\", DebugException=\"{debugException}\")");

    /// <summary>A provider's refusal as terraform-provider-alicloud words it for a wrong access key, through the engine.</summary>
    public const string WrongAccessKey =
        "invocation of alicloud:vpc/getNetworks:getNetworks returned an error: invoking alicloud:vpc/getNetworks:getNetworks: 1 error occurred:\n" +
        "\t* [SDK.ServerError] ErrorCode: InvalidAccessKeyId.NotFound, Message: Specified access key is not found.";
}
