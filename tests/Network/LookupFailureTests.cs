using System;
using BlinkInfra.Network;
using NUnit.Framework;

namespace BlinkInfra.Tests.Network;

/// <summary>A failed lookup's reason as the user is shown it: the provider's words, without gRPC's wrapper.</summary>
public class LookupFailureTests
{
    [Test]
    public void The_status_wrapper_gives_way_to_its_detail()
    {
        Assert.That(LookupFailure.Reason(EngineFailures.RefusedLookup(EngineFailures.WrongAccessKey)), Is.EqualTo(EngineFailures.WrongAccessKey));
    }

    [Test]
    public void A_detail_holding_quotes_and_parentheses_is_kept_whole()
    {
        const string detail = "route table \"vtb-1\" (in use) refused: \"Forbidden.RAM\")";

        Assert.That(LookupFailure.Reason(EngineFailures.RefusedLookup(detail)), Is.EqualTo(detail));
    }

    [Test]
    public void A_status_other_than_unknown_keeps_its_code_and_a_debug_exception_its_first_line()
    {
        var failure = EngineFailures.RefusedLookup("Error connecting to subchannel.", "Unavailable",
            "System.Net.Sockets.SocketException (111): Connection refused\n   at System.Net.Sockets.Socket.Connect()");

        Assert.That(LookupFailure.Reason(failure), Is.EqualTo("Unavailable: Error connecting to subchannel. (System.Net.Sockets.SocketException (111): Connection refused)"));
    }

    [Test]
    public void A_wrapper_inside_a_longer_message_is_replaced_where_it_is()
    {
        var failure = new AggregateException(new InvalidOperationException("Invoke failed: Status(StatusCode=\"Unknown\", Detail=\"no such VPC\") after 1 attempt"));

        Assert.That(LookupFailure.Reason(failure), Is.EqualTo("Invoke failed: no such VPC after 1 attempt"));
    }

    [Test]
    public void A_message_without_the_wrapper_is_left_as_it_is()
    {
        const string message = "Invoke of 'alicloud:vpc/getNetworks:getNetworks' failed: InvalidAccessKeyId.NotFound (ids)";

        Assert.That(LookupFailure.Reason(new InvalidOperationException(message)), Is.EqualTo(message));
    }
}
