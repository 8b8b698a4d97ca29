// Marks the placeholders of Placeholders.g.cs: real types the offline SDK declares by name only, so the
// compiler sees the same names as against the real packages (see README.md). Internal: no part of the API.
namespace Pulumi.Offline
{
    [System.AttributeUsage(System.AttributeTargets.All, Inherited = false)]
    internal sealed class PlaceholderAttribute : System.Attribute
    {
    }
}
