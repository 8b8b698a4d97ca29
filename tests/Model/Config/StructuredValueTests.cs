using System.Collections.Generic;
using System.Linq;
using BlinkInfra.Facts;
using NUnit.Framework;

namespace BlinkInfra.Tests;

/// <summary>
/// Structured values parsed by what they are, not by their length or a pattern that matches before a line
/// break: hosts, IPv4 addresses and blocks, ids and ARNs, data endpoint kinds (dates and times: MaintenanceTests).
/// </summary>
public class StructuredValueTests
{
    private static string Stack(string dataAccess)
        => StackRunner.DevConfig + "\n  blink-infra:dataAccess:\n" + dataAccess;

    private static string[] Errors(string yaml)
        => SpecLoader.TryLoad(StackRunner.Stack(yaml).ToRaw(), StackRunner.NoPolicyNames).Errors.Select(e => e.Message).ToArray();

    private static IEnumerable<TestCaseData> BadHosts()
    {
        TestCaseData Case(string name, string host, string problem) => new TestCaseData(host, problem).SetName(name);
        yield return Case("a port in the host", "kafka.internal:9092", "a port or an IPv6 address in the host: the port is the endpoint's own key (port), and its rule opens IPv4 addresses only");
        yield return Case("a URL for a host", "http://kafka.internal", "a URL, where a host belongs");
        yield return Case("a space in the host", "kafka internal", "a host holds no spaces, line breaks or control characters");
        yield return Case("an address with a leading zero", "010.20.201.15", "not an IPv4 address: four numbers 0 to 255, without leading zeros");
        yield return Case("three numbers", "10.20.201", "not an IPv4 address: four numbers 0 to 255, without leading zeros");
        yield return Case("an empty label", "kafka..internal", "a host name whose labels (between dots) are 1 to 63 characters; \"\" is 0");
        yield return Case("an underscore", "kafka_1.internal", "not a host name: the label \"kafka_1\" holds other characters than letters, digits and '-', or starts or ends with '-'");
    }

    [TestCaseSource(nameof(BadHosts))]
    public void A_host_is_parsed_as_a_host_even_when_a_cidr_is_given(string host, string problem)
    {
        var errors = Errors(Stack($"    endpoints:\n      - {{name: orders, kind: kafka, host: \"{host}\", cidr: 10.20.200.0/24}}\n"));

        Assert.That(errors, Is.EqualTo(new[] { $"blink-infra:dataAccess.endpoints[0].host = \"{host}\": {problem}; allowed: {HostNames.Allowed}" }));
    }

    [Test]
    public void A_host_with_a_line_break_is_refused_even_with_a_cidr()
    {
        var errors = Errors(Stack("    endpoints:\n      - {name: orders, kind: kafka, host: \"kafka.internal\\nrest.bind-address: 0.0.0.0\", cidr: 10.20.200.0/24}\n"));

        Assert.That(errors.Single(), Does.StartWith("blink-infra:dataAccess.endpoints[0].host = \"kafka.internal\\nrest.bind-address: 0.0.0.0\": holds the control character \\n (line feed)"));
    }

    [Test]
    public void A_host_address_outside_its_cidr_is_refused()
    {
        Assert.That(Errors(Stack("    endpoints:\n      - {name: orders, kind: kafka, host: 10.20.201.15, cidr: 10.20.200.0/24}\n")), Is.EqualTo(new[]
        {
            "blink-infra:dataAccess.endpoints[0].host = \"10.20.201.15\": an address outside the endpoint's cidr 10.20.200.0/24, the only addresses its egress rule opens; allowed: an address inside it, or a cidr that holds it",
        }));
    }

    [TestCase("mysql", "MySQL (RDS for MySQL) is kind rds; ")]
    [TestCase("PostgreSQL", "PostgreSQL (RDS for PostgreSQL) is kind rds with port: 5432; ")]
    [TestCase("sls", "Simple Log Service (SLS) is kind log-service; ")]
    [TestCase("Kafka", "kinds are lower case: kafka; ")]
    [TestCase("kafk", "did you mean kafka? ")]
    public void A_kind_by_another_name_says_which_kind_it_is(string kind, string hint)
    {
        Assert.That(Errors(Stack($"    endpoints:\n      - {{name: db, kind: {kind}, host: 10.20.201.15}}\n")), Is.EqualTo(new[]
        {
            $"blink-infra:dataAccess.endpoints[0].kind = \"{kind}\": unknown kind of source or sink; {hint}allowed: {DataEndpointKinds.Names}",
        }));
    }

    [TestCase("10.0.0.0/ 16")]
    [TestCase("10.0.0.0/+16")]
    [TestCase("010.0.0.0/16")]
    [TestCase("10.0.0.0/016")]
    [TestCase("0x0a.0.0.0/16")]
    public void A_block_is_read_strictly(string cidr)
    {
        Assert.That(Cidr.TryParse(cidr, out _, out var problem), Is.False);
        Assert.That(problem, Is.EqualTo("not an IPv4 CIDR block; allowed: a block such as 10.0.0.0/16"));
    }

    [Test]
    public void An_account_id_in_other_digits_than_ascii_is_no_account_id()
    {
        var arabicIndic = string.Concat(Enumerable.Repeat('\u0661', 16));
        var errors = Errors(Stack($"    crossAccount:\n      tenantRoleArn: \"acs:ram::{arabicIndic}:role/t\"\n      platformAccountId: \"{arabicIndic}\"\n      vpcId: vpc-bp1tenant000001\n      cidrBlock: 192.168.0.0/16\n      vswitches: [{{id: vsw-bp1tenanth00001, zone: cn-hangzhou-h}}, {{id: vsw-bp1tenanti00001, zone: cn-hangzhou-i}}]\n"));

        Assert.That(errors, Has.Some.StartsWith("blink-infra:dataAccess.crossAccount.tenantRoleArn").And.Some.Contains("not a RAM role ARN"));
        Assert.That(errors, Has.Some.StartsWith("blink-infra:dataAccess.crossAccount.platformAccountId").And.Some.Contains("not an Alibaba Cloud account id"));
    }
}
