// Mirrors the internal AliCloudResourceTypeAttribute and Utilities.Version of pulumi/pulumi-alicloud
// sdk/dotnet/Utilities.cs (Pulumi.AliCloud 3.105.0): the resource type token on each resource class.
namespace Pulumi.AliCloud
{
    [System.AttributeUsage(System.AttributeTargets.Class, Inherited = false)]
    internal sealed class AliCloudResourceTypeAttribute : Pulumi.ResourceTypeAttribute
    {
        public const string PackageVersion = "3.105.0";

        public AliCloudResourceTypeAttribute(string type) : base(type, PackageVersion)
        {
        }
    }
}
