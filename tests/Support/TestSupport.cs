using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Pulumi;
using Pulumi.Testing;
using Spectre.Console;

namespace BlinkInfra.Tests;

/// <summary>Mocks that record every registration, in order; ids are "&lt;name&gt;-id" and state echoes the inputs.</summary>
public sealed class RecordingMocks : IMocks
{
    private readonly List<MockResourceArgs> _resources = new();

    public IReadOnlyList<MockResourceArgs> Resources
    {
        get { lock (_resources) return _resources.ToList(); }
    }

    public List<MockRegisterResourceOutputsRequest> RegisteredOutputs { get; } = new();

    /// <summary>Changes what a resource reports back (the state above), such as a cluster reporting no RRSA metadata.</summary>
    public Func<MockResourceArgs, ImmutableDictionary<string, object>, ImmutableDictionary<string, object>>? State { get; set; }

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (_resources) _resources.Add(args);
        // The state echoes the inputs, plus what the provider computes for the types that need it.
        var state = args.Type switch
        {
            "alicloud:vpc/natGateway:NatGateway" => args.Inputs.SetItem("snatTableIds", $"{args.Name}-snat-table,{args.Name}-other-table"),
            "alicloud:ecs/eipAddress:EipAddress" => args.Inputs.SetItem("ipAddress", "203.0.113.7"),
            "alicloud:cen/transitRouter:TransitRouter" => args.Inputs.SetItem("transitRouterId", $"{args.Name}-router"),
            "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment" => args.Inputs.SetItem("transitRouterAttachmentId", $"{args.Name}-id"),
            "alicloud:cen/transitRouterRouteTable:TransitRouterRouteTable" => args.Inputs.SetItem("transitRouterRouteTableId", $"{args.Name}-table"),
            "alicloud:cs/managedKubernetes:ManagedKubernetes" => args.Inputs.SetItem("rrsaMetadata", ImmutableDictionary<string, object>.Empty
                .Add("ramOidcProviderArn", $"acs:ram::1234567890123456:oidc-provider/ack-rrsa-{args.Name}-id")
                .Add("rrsaOidcIssuerUrl", $"https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/{args.Name}-id")),
            _ => args.Inputs,
        };
        if (State != null)
            state = State(args, state);
        return Task.FromResult<(string?, object)>(($"{args.Name}-id", state));
    }

    private readonly List<MockCallArgs> _calls = new();

    public IReadOnlyList<MockCallArgs> Calls
    {
        get { lock (_calls) return _calls.ToList(); }
    }

    /// <summary>What invokes return; an empty result when unset.</summary>
    public Func<MockCallArgs, object>? CallResult { get; set; }

    public Task<object> CallAsync(MockCallArgs args)
    {
        lock (_calls) _calls.Add(args);
        if (CallResult != null)
            return Task.FromResult(CallResult(args));
        // A cluster's credentials: a kubeconfig naming the cluster.
        return Task.FromResult<object>(args.Token == "alicloud:cs/getClusterCredential:getClusterCredential"
            ? ImmutableDictionary<string, object>.Empty.Add("kubeConfig", $"apiVersion: v1\nkind: Config\n# {args.Args["clusterId"]}\n")
            : ImmutableDictionary<string, object>.Empty);
    }

    /// <summary>The calls that are not the engine's routine credential lookup.</summary>
    public IReadOnlyList<MockCallArgs> Lookups => Calls.Where(c => c.Token != "alicloud:cs/getClusterCredential:getClusterCredential").ToList();

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
    {
        lock (RegisteredOutputs) RegisteredOutputs.Add(args);
        return Task.CompletedTask;
    }

    public MockResourceArgs Single(string type, string name)
        => Resources.Single(r => r.Type == type && r.Name == name);

    public IReadOnlyList<MockResourceArgs> OfType(string type) => Resources.Where(r => r.Type == type).ToList();
}

/// <summary>What a failed run under mocks reports.</summary>
public static class RunErrors
{
    /// <summary>
    /// The distinct messages of the errors a run failed with. One failure can reach the engine through
    /// several resources that wait on it; the SDK then reports it once or as an AggregateException.
    /// </summary>
    public static async Task<string[]> Of(Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (AggregateException errors)
        {
            return errors.Flatten().InnerExceptions.Select(e => e.Message).Distinct().ToArray();
        }
        catch (Exception error)
        {
            return new[] { error.Message };
        }
        return Array.Empty<string>();
    }
}

/// <summary>The engine gate run as the engine would run it, with the deployment and the report of a stop under mocks.</summary>
public static class GateRunner
{
    /// <summary>What the gate returned, whether it deployed, what it logged to the engine as errors, and what reached the engine.</summary>
    public sealed record Outcome(int Exit, bool Deployed, BlinkStackOptions? Options, string[] Errors, RecordingMocks Engine);

    /// <summary>The exit code the report stub returns: under mocks there is no runner's code to return.</summary>
    public const int StoppedUnderMocks = -32;

    /// <summary>
    /// Runs the gate: a deployment of the spec under mocks (exit 0), or the report of a stop run by
    /// Deployment.TestAsync, which throws the errors that reached the engine (the real MockEngine keeps
    /// errors: the exceptions the runner logged, and Log.Error's lines unless an exception ended the
    /// run, when the runner may return without them; the offline one then never delivers them), on either SDK.
    /// </summary>
    public static Task<Outcome> RunAsync(RawStackConfig raw, RecordingMocks? engine = null) => RunAsync(() => raw, raw.StackName, engine);

    /// <summary>The same, reading the config as the host does under the engine: a reader that may refuse it.</summary>
    public static async Task<Outcome> RunAsync(Func<RawStackConfig> read, string stackName, RecordingMocks? engine = null)
    {
        engine ??= new RecordingMocks();
        var deployed = false;
        BlinkStackOptions? handed = null;
        var errors = Array.Empty<string>();
        var exit = await EngineGate.RunAsync(read, async (spec, options) =>
        {
            deployed = true;
            handed = options;
            await StackRunner.RunAsync(spec, engine, stackName, options);
            return 0;
        }, async stop =>
        {
            errors = await RunErrors.Of(() => Deployment.TestAsync(engine, new TestOptions { ProjectName = StackRunner.Project, StackName = stackName }, stop));
            return StoppedUnderMocks;
        });
        return new Outcome(exit, deployed, handed, errors, engine);
    }
}

/// <summary>Runs BlinkStack under mocks with config given as stack-file YAML.</summary>
/// <summary>Stacks run under mocks, and their specs with the policies' names (the stack files themselves: tests/Model/Support/StackFiles.cs).</summary>
public static partial class StackRunner
{
    /// <summary>A stack file's spec, loaded as the CLI and the engine gate load it.</summary>
    public static StackSpec Spec(string yaml, string stackName = "dev") => SpecLoader.Load(Stack(yaml, stackName).ToRaw(), PolicyEngine.PolicyNames);

    /// <summary>Runs the stack built from a spec, under mocks.</summary>
    public static async Task<ImmutableArray<Resource>> RunAsync(StackSpec spec, RecordingMocks mocks, string stackName = "dev", BlinkStackOptions? options = null)
        => await Deployment.TestWithServiceProviderAsync<BlinkStack>(
            mocks, new SingleStackProvider(() => new BlinkStack(spec, options)),
            new TestOptions { ProjectName = Project, StackName = stackName, IsPreview = false });

    /// <summary>Runs the stack of a stack file's config.</summary>
    public static async Task<(ImmutableArray<Resource> Resources, RecordingMocks Mocks)> RunAsync(string yaml, string stackName = "dev", RecordingMocks? mocks = null)
    {
        mocks ??= new RecordingMocks();
        return (await RunAsync(Spec(yaml, stackName), mocks, stackName), mocks);
    }

    /// <summary>Runs the stack as <see cref="RunAsync"/> does; the error it failed with, if any, instead of throwing.</summary>
    public static async Task<(ImmutableArray<Resource> Resources, Exception? Error)> TryRunAsync(string yaml, string stackName = "dev", RecordingMocks? mocks = null)
    {
        try
        {
            var (resources, _) = await RunAsync(yaml, stackName, mocks);
            return (resources, null);
        }
        catch (Exception error)
        {
            return (ImmutableArray<Resource>.Empty, error);
        }
    }

    /// <summary>An invoke result for alicloud:vpc/getNetworks:getNetworks that finds one VPC.</summary>
    public static object NetworksResult(string id, string cidrBlock)
        => new Dictionary<string, object>
        {
            ["vpcs"] = ImmutableArray.Create<object>(new Dictionary<string, object> { ["id"] = id, ["cidrBlock"] = cidrBlock }),
        };
}

/// <summary>Runs the CLI as a user would, capturing what it prints: plain text, wide lines, no colours.</summary>
public static class CliRunner
{
    /// <summary>A diagnostic's code as the CLI prints it.</summary>
    public static readonly System.Text.RegularExpressions.Regex Code = new(@"\bBLINK[0-9]{4}\b");

    /// <summary>Every code the CLI printed under the tests, with the first command line that printed it.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CodesSeen = new();

    public static Task<(int Exit, string Out, string Err)> Run(params string[] args) => RunAt(400, args);

    /// <summary>Runs the CLI on a console <paramref name="width"/> columns wide, as a terminal that wide or COLUMNS would make it.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAt(int width, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        // Anything written to Console.Out directly (System.CommandLine's help) lands in the same capture.
        var previousOut = Console.Out;
        Console.SetOut(output);
        try
        {
            var exit = await BlinkCli.RunAsync(args, console, errors);
            // Every code printed, for CodesSeenCheck (explain quotes the codes it is given, known or not).
            if (args is not ["explain", ..])
            {
                foreach (System.Text.RegularExpressions.Match code in Code.Matches(output.ToString() + errors))
                    CodesSeen.TryAdd(code.Value, string.Join(' ', args));
            }
            return (exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
        }
    }
}
