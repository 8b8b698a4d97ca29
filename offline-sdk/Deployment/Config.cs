// Mirrors sdk/Pulumi/Config.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1): configuration read from
// what the language host passed in PULUMI_CONFIG, keyed "<namespace>:<key>".
namespace Pulumi
{
    public sealed class Config
    {
        private readonly string _name;

        public Config(string? name = null)
        {
            _name = name ?? Deployment.Instance.ProjectName;
        }

        public string? Get(string key)
            => OfflineEngine.Require().AllConfig.TryGetValue($"{_name}:{key}", out var value) ? value : null;
    }
}
