
namespace BlinkInfra.Config;

public sealed record DataVswitchSpec(string Id, string Zone, string VpcId);
