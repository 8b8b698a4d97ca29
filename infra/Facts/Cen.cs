namespace BlinkInfra.Facts;

/// <summary>
/// Cloud Enterprise Network's transit router, as a cross-account stack uses it. Sources, read 2026-12-05:
/// Alibaba Cloud CEN, "How transit routers work" (an Enterprise Edition transit router connects a VPC through
/// elastic network interfaces in the VPC's vSwitches, one in each zone it serves, and forwards only the routes
/// its route tables hold); ROS ALIYUN::CEN::TransitRouterVpcAttachment, ZoneMappings ("You must select a vSwitch
/// in the primary zone and a vSwitch in the secondary zone"); Cloud Config's rule
/// transit-router-vpc-attachment-multi-zone (two vSwitches in different zones); terraform-provider-alicloud
/// alicloud_cen_transit_router_vpc_attachment (zone_mappings, its example a master and a slave zone).
/// </summary>
public static class TransitRouterCen
{
    /// <summary>The zones a transit router's VPC connection needs, each with a vSwitch of the VPC.</summary>
    public const int MinAttachmentZones = 2;

    public const string ZonesRule = "a transit router's VPC connection takes a vSwitch in a primary and a secondary zone of the region (CEN, \"How transit routers work\"; ROS TransitRouterVpcAttachment ZoneMappings)";
}
