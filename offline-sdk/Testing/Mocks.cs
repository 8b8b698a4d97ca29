// Mirrors sdk/Pulumi/Testing/IMocks.cs and TestOptions.cs of pulumi/pulumi-dotnet (Pulumi 3.112.1).
using System.Collections.Immutable;
using System.Threading.Tasks;

namespace Pulumi.Testing
{
    public interface IMocks
    {
        Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args);

        Task<object> CallAsync(MockCallArgs args);

        Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args) => Task.CompletedTask;
    }

    public class MockResourceArgs
    {
        internal MockResourceArgs()
        {
        }

        public string? Type { get; set; }
        public string? Name { get; set; }
        public ImmutableDictionary<string, object> Inputs { get; set; } = ImmutableDictionary<string, object>.Empty;
        public string? Provider { get; set; }
    }

    public class MockCallArgs
    {
        internal MockCallArgs()
        {
        }

        public string? Token { get; set; }
        public ImmutableDictionary<string, object> Args { get; set; } = ImmutableDictionary<string, object>.Empty;
        public string? Provider { get; set; }
    }

    public class MockRegisterResourceOutputsRequest
    {
        public readonly string Urn;
        public readonly ImmutableDictionary<string, Output<object?>> Outputs;

        internal MockRegisterResourceOutputsRequest(string urn, ImmutableDictionary<string, Output<object?>> outputs)
        {
            Urn = urn;
            Outputs = outputs;
        }
    }

    public class TestOptions
    {
        public string? ProjectName { get; set; }
        public string? StackName { get; set; }
        public bool? IsPreview { get; set; }
    }
}
