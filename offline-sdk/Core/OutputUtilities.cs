// Mirrors sdk/Pulumi/Core/OutputUtilities.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
using System.Collections.Immutable;
using System.Threading.Tasks;

namespace Pulumi.Utilities
{
    public static class OutputUtilities
    {
        public static async Task<T> GetValueAsync<T>(Output<T> output)
            => (await output.DataTask.ConfigureAwait(false)).Value;

        public static async Task<bool> GetIsKnownAsync<T>(Output<T> output)
            => (await output.DataTask.ConfigureAwait(false)).IsKnown;

        public static async Task<ImmutableHashSet<Resource>> GetDependenciesAsync<T>(Output<T> output)
            => (await output.DataTask.ConfigureAwait(false)).Resources;
    }
}
