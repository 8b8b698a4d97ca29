using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>`blink-infra:dataAccess`.</summary>
public sealed class DataAccessConfig
{
    /// <summary>Retired: refused with what replaced it (<see cref="IsolationSpecBuilder"/>).</summary>
    [ConfigDoc("**retired**, refused with what replaced it: the seed's ENIs sat on the master machines, while the pods reach sources and sinks through network interfaces of their own (Terway, in the pod vSwitches), so the ENIs carried none of their traffic. In the same account, carve the cluster inside the customer's VPC (`blink-infra:network.vpcId`): its pods reach the endpoints directly, each endpoint an egress rule on their groups. Across accounts, `crossAccount`")]
    public List<DataVswitchConfig> Vswitches { get; set; } = new();
    [ConfigDoc("the endpoints live in a VPC of another account (the tenant's): `{tenantRoleArn, platformAccountId, vpcId, cidrBlock, vswitches}`: the RAM role the stack assumes there (`acs:ram::<16-digit tenant account>:role/<name>`; the tenant's account is read from it), the cluster's own account (16 digits, not the tenant's), the tenant VPC's id and CIDR block (a VPC's block: a /8 to /28 mask, in private address space, outside the reserved ranges, not overlapping the cluster's VPC; looked up through the tenant's provider and checked before anything is declared), and the vSwitches the transit router attaches to in it (`[{id, zone}]`, one per zone, in at least two zones of the region, as CEN's transit router needs; the cluster's side needs two zones too). Every endpoint must then lie inside the tenant's block (or the cluster's VPC, Alibaba Cloud's `100.64.0.0/10`, or a public address with internet egress): the cluster's VPC routes only the tenant's block to the transit router. See \"Across accounts\" in [config-guide.md](config-guide.md#blink-infradataaccess)")]
    public CrossAccountConfig? CrossAccount { get; set; }
    [ConfigDoc("the customer's sources and sinks, each `{name, kind, host?, cidr?, port?}`; `kind` is one of `kafka` (9092), `datahub` (80), `log-service` (80), `mq` (8080), `analyticdb` (3306), `rds` (3306, also DRDS), `tablestore` (80), `hitsdb` (8242), `hybriddb-mysql` (3306), `hbase` (2181), `elasticsearch` (9200) — the default port in brackets; `cidr` (at most /8 wide) or an IPv4 `host` gives the addresses. Each is one egress rule (tcp, that port, that block) on both pod groups. They reach jobs through the ConfigMap `blink-endpoints` (credentials through the Secret of `blink-infra:endpointCredentials`: [config-guide.md](config-guide.md))")]
    public List<DataEndpointConfig> Endpoints { get; set; } = new();
}
