using System;
using System.Text.RegularExpressions;

namespace BlinkInfra.Network;

/// <summary>
/// What a failed lookup (an invoke) says, for the message that stops the program. Under the engine
/// the real SDK's invoke is a gRPC call (GrpcMonitor), and the provider's error reaches the program
/// as Grpc.Core's RpcException, whose message is its status as Status.ToString() writes it:
/// <c>Status(StatusCode="Unknown", Detail="…")</c>, with <c>, DebugException="…"</c> when the client
/// kept one (grpc/grpc-dotnet src/Grpc.Core.Api/Status.cs and RpcException.cs, read 2026-12-05;
/// observed on the real packages, ../shared/REAL-SDK-FACTS.md). The user is shown the detail alone:
/// the provider's own words.
/// </summary>
public static partial class LookupFailure
{
    // The detail is written unescaped and may hold quotes: where the status ends the message, the
    // detail runs to its end; elsewhere, to the first closing quote and parenthesis.
    private const string Status = """Status\(StatusCode="(?<code>[A-Za-z]+)", Detail="(?<detail>.*?)"(?:, DebugException="(?<debug>.*?)")?\)""";

    [GeneratedRegex(Status + @"\s*\z", RegexOptions.Singleline)]
    private static partial Regex GrpcStatusAtEnd();

    [GeneratedRegex(Status, RegexOptions.Singleline)]
    private static partial Regex GrpcStatus();

    /// <summary>The reason a lookup failed: the exception's message, with gRPC's status wrapper replaced by what it says.</summary>
    public static string Reason(Exception failure)
    {
        while (failure is AggregateException { InnerExceptions.Count: 1 } aggregate)
            failure = aggregate.InnerExceptions[0];
        return Strip(failure.Message);
    }

    /// <summary>
    /// The text with gRPC's status wrapper replaced by its detail; the status code before it unless it
    /// is Unknown (what the engine answers for a provider's error), and the first line of a debug
    /// exception after it (the client's own failure, such as a refused connection).
    /// </summary>
    public static string Strip(string message)
    {
        var atEnd = GrpcStatusAtEnd().Match(message);
        return (atEnd.Success ? message[..atEnd.Index] + Said(atEnd) : GrpcStatus().Replace(message, Said)).Trim();
    }

    private static string Said(Match status)
    {
        var code = status.Groups["code"].Value;
        var said = code == "Unknown" ? status.Groups["detail"].Value : $"{code}: {status.Groups["detail"].Value}";
        return status.Groups["debug"].Success ? $"{said} ({status.Groups["debug"].Value.Split('\n')[0].Trim()})" : said;
    }
}
