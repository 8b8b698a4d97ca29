namespace BlinkInfra.Facts;

/// <summary>
/// How Alibaba Cloud bills what a stack declares, as far as a bill of materials needs it: which
/// resources carry a fee of their own and what they are billed by. No price is kept here: prices are
/// the user's own (a prices file), since discounts differ by contract and list prices change.
/// </summary>
public static class Billing
{
    // Source: terraform-provider-alicloud website/docs/r/cs_managed_kubernetes.html.markdown (read
    // 2026-12-05): `load_balancer_spec` "The cluster api server load balancer instance specification
    // ... Deprecated since v1.232.0 ... The spec will not take effect because the charge of the load
    // balancer has been changed to PayByCLCU"; `slb_internet_enabled` "Whether to create internet load
    // balancer for API Server". So ACK creates one Classic Load Balancer (CLB) per managed cluster for
    // its API server, internal (or internet-facing with slbInternetEnabled), billed pay-by-CLCU: an
    // instance fee per hour plus the capacity units used. Alibaba Cloud SLB, CreateLoadBalancer (read
    // 2026-12-05): "Pay-as-you-go CLB instances only support the pay-by-LCU instance resource metering
    // method" since 2025-06-01. It is no resource of the stack's: ACK owns it, and the stack's bill of
    // materials names it from the cluster.
    public const string ApiServerLoadBalancerKind = "CLB";
    public const string ApiServerLoadBalancerMetering = "pay-by-CLCU";

    // Source: terraform-provider-alicloud website/docs/r/cs_managed_kubernetes.html.markdown (read
    // 2026-12-05): `control_plane_log_ttl` "Control plane log retention duration (unit: day). Default 30".
    public const int ControlPlaneLogDefaultDays = 30;

    // A machine's price is per month for subscription (PrePaid, paid per period in advance: a node
    // pool's `period` and `periodUnit`) and per hour for pay-as-you-go (PostPaid, billed for the time
    // used): ECS CreateInstance InstanceChargeType, as ClusterDefaults.ChargeType maps the billing modes.
    // An hourly price makes a month of 730 hours (8,760 hours a year over 12 months): the estimate's
    // convention, not the cloud's; a prices file may set its own `hoursPerMonth`.
    public const int DefaultHoursPerMonth = 730;

    // What a bill of materials leaves out because it depends on use, not on what is declared: traffic
    // (EIP, NAT), capacity units (NAT's PayByLcu, the API server's CLB above), log volume (Log Service),
    // bucket storage and requests (OSS), KMS calls, metric samples (Managed Service for Prometheus).
    public const string UsageBilled =
        "traffic (EIP, NAT), capacity units (NAT, CLB), log volume (Log Service), bucket storage and requests (OSS), KMS calls, metric samples (Prometheus)";
}
