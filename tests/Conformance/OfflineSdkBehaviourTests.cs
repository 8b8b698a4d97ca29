using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BlinkInfra.Plan;
using NUnit.Framework;
using Pulumi;
using Pulumi.AliCloud.Ecs;
using Pulumi.AliCloud.Vpc;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace BlinkInfra.Tests;

/// <summary>
/// How a program runs under IMocks. Written against the public Pulumi API only, so the same tests
/// hold on the real SDK and on the offline one: they are what keeps the offline SDK's behaviour
/// true to Deployment.TestAsync.
/// </summary>
public class OfflineSdkBehaviourTests
{
    private static readonly TestOptions Options = new() { ProjectName = "proj", StackName = "stk", IsPreview = false };

    private static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> Run(RecordingMocks mocks, Func<IDictionary<string, object?>> program)
        => Deployment.TestAsync(mocks, Options, program);

    private static Task<T> Value<T>(object? output) => OutputUtilities.GetValueAsync((Output<T>)output!);

    [Test]
    public async Task Apply_Tuple_All_and_Format_resolve_resource_outputs()
    {
        var mocks = new RecordingMocks();
        var (_, outputs) = await Run(mocks, () =>
        {
            var vpc = new Pulumi.AliCloud.Vpc.Network("vpc", new NetworkArgs { CidrBlock = "10.0.0.0/16" });
            var vswitch = new Switch("vsw", new SwitchArgs { VpcId = vpc.Id, ZoneId = "cn-hangzhou-h" });
            return new Dictionary<string, object?>
            {
                ["apply"] = vpc.Id.Apply(id => id.ToUpperInvariant()),
                ["applyOutput"] = vpc.Id.Apply(id => vswitch.Id.Apply(v => $"{id}>{v}")),
                ["tuple"] = Output.Tuple(vpc.Id, vswitch.Id).Apply(t => $"{t.Item1}|{t.Item2}"),
                ["all"] = Output.All(vpc.Id, vswitch.Id, Output.Create("x")),
                ["format"] = Output.Format($"{vpc.Id}/{vswitch.Id}/{42}"),
                ["input"] = ((Input<string>)"plain").Apply(v => v + "!"),
            };
        });

        Assert.That(await Value<string>(outputs["apply"]), Is.EqualTo("VPC-ID"));
        Assert.That(await Value<string>(outputs["applyOutput"]), Is.EqualTo("vpc-id>vsw-id"));
        Assert.That(await Value<string>(outputs["tuple"]), Is.EqualTo("vpc-id|vsw-id"));
        Assert.That(await Value<ImmutableArray<string>>(outputs["all"]), Is.EqualTo(new[] { "vpc-id", "vsw-id", "x" }));
        Assert.That(await Value<string>(outputs["format"]), Is.EqualTo("vpc-id/vsw-id/42"));
        Assert.That(await Value<string>(outputs["input"]), Is.EqualTo("plain!"));
        var dependencies = await OutputUtilities.GetDependenciesAsync((Output<string>)outputs["tuple"]!);
        Assert.That(dependencies.Select(r => r.GetResourceName()), Is.EquivalentTo(new[] { "vpc", "vsw" }), "a tuple depends on both resources");
    }

    [Test]
    public async Task Secrets_flow_through_every_combinator_and_reach_mocks_as_plain_values()
    {
        var mocks = new RecordingMocks();
        var (_, outputs) = await Run(mocks, () =>
        {
            var secret = Output.CreateSecret("s3cret");
            new Pulumi.AliCloud.Vpc.Network("vpc", new NetworkArgs { Description = secret });
            return new Dictionary<string, object?>
            {
                ["secret"] = secret,
                ["apply"] = secret.Apply(s => s.Length),
                ["tuple"] = Output.Tuple(secret, Output.Create(1)).Apply(t => $"{t.Item1}{t.Item2}"),
                ["all"] = Output.All(secret, Output.Create("b")),
                ["format"] = Output.Format($"x{secret}"),
                ["unsecret"] = Output.Unsecret(secret),
                ["plain"] = Output.Create("p"),
            };
        });

        foreach (var key in new[] { "secret", "apply", "tuple", "all", "format" })
            Assert.That(await IsSecret(outputs[key]!), Is.True, key);
        Assert.That(await IsSecret(outputs["unsecret"]!), Is.False);
        Assert.That(await IsSecret(outputs["plain"]!), Is.False);
        Assert.That(mocks.Single("alicloud:vpc/network:Network", "vpc").Inputs["description"], Is.EqualTo("s3cret"));
    }

    private static Task<bool> IsSecret(object output) => output switch
    {
        Output<string> s => Output.IsSecretAsync(s),
        Output<int> i => Output.IsSecretAsync(i),
        Output<ImmutableArray<string>> a => Output.IsSecretAsync(a),
        _ => throw new ArgumentException(output.GetType().Name),
    };

    [Test]
    public async Task Inputs_leave_out_nulls_and_arrive_as_maps_lists_and_strings()
    {
        var mocks = new RecordingMocks { CallResult = _ => StackRunner.NetworksResult("vpc-1", "10.0.0.0/8") };
        var (_, outputs) = await Run(mocks, () =>
        {
            new SecurityGroup("sg", new SecurityGroupArgs
            {
                VpcId = "vpc-1",
                Description = null,
                Tags = { { "a", "1" }, { "b", Output.Create("2") } },
            });
            var found = GetNetworks.Invoke(new GetNetworksInvokeArgs { Ids = { "vpc-1", Output.Create("vpc-2") } });
            return new Dictionary<string, object?> { ["cidr"] = found.Apply(r => r.Vpcs[0].CidrBlock) };
        });

        var inputs = mocks.Single("alicloud:ecs/securityGroup:SecurityGroup", "sg").Inputs;
        Assert.That(inputs.Keys, Is.EquivalentTo(new[] { "vpcId", "tags" }), "null inputs are left out");
        Assert.That(inputs["tags"], Is.InstanceOf<ImmutableDictionary<string, object>>());
        Assert.That(inputs["tags"], Is.EquivalentTo(new Dictionary<string, object> { ["a"] = "1", ["b"] = "2" }));
        var call = mocks.Calls.Single();
        Assert.That(call.Args["ids"], Is.InstanceOf<ImmutableArray<object>>());
        Assert.That(call.Args["ids"], Is.EqualTo(new[] { "vpc-1", "vpc-2" }));
        Assert.That(await Value<string>(outputs["cidr"]), Is.EqualTo("10.0.0.0/8"), "the invoke's result is converted into its output type");
    }

    [Test]
    public async Task Every_resource_reaches_the_mocks_once_but_the_stack_which_is_returned_first()
    {
        var mocks = new RecordingMocks();
        var (resources, _) = await StackRunner.RunAsync(StackRunner.DevConfig, mocks: mocks);

        Assert.That(resources.First(), Is.InstanceOf<Stack>());
        Assert.That(mocks.Resources.Select(r => $"{r.Type} {r.Name}"), Is.EquivalentTo(resources.Skip(1).Select(r => $"{r.GetResourceType()} {r.GetResourceName()}")));
        Assert.That(mocks.Resources.Any(r => r.Type == "pulumi:pulumi:Stack"), Is.False);
        Assert.That(await OutputUtilities.GetValueAsync(resources.First().Urn), Is.EqualTo("urn:pulumi:dev::blink-infra::pulumi:pulumi:Stack::blink-infra-dev"));
    }

    [Test]
    public async Task Providers_are_passed_explicitly_or_inherited_from_the_parent_component()
    {
        var mocks = new RecordingMocks();
        await Run(mocks, () =>
        {
            var provider = new Pulumi.AliCloud.Provider("prov", new Pulumi.AliCloud.ProviderArgs { Region = "cn-beijing" });
            new SecurityGroup("explicit", new SecurityGroupArgs(), new CustomResourceOptions { Provider = provider });
            new SecurityGroup("default", new SecurityGroupArgs());
            return new Dictionary<string, object?>();
        });

        Assert.That(mocks.Single("alicloud:ecs/securityGroup:SecurityGroup", "explicit").Provider,
            Is.EqualTo("urn:pulumi:stk::proj::pulumi:pulumi:Stack$pulumi:providers:alicloud::prov::prov-id"));
        Assert.That(mocks.Single("alicloud:ecs/securityGroup:SecurityGroup", "default").Provider, Is.Empty, "no provider: the engine's default one");
    }

    [Test]
    public async Task Config_is_read_from_PULUMI_CONFIG_as_the_language_host_passes_it()
    {
        using var _ = new ScopedEnvironment(
            ("PULUMI_CONFIG", """{"proj:name":"x","proj:config:old":"y","proj:obj":"{\"a\":1}"}"""),
            ("PULUMI_CONFIG_SECRET_KEYS", "[]"));
        var (_, outputs) = await Run(new RecordingMocks(), () =>
        {
            var config = new Pulumi.Config();
            return new Dictionary<string, object?>
            {
                ["name"] = config.Get("name"),
                ["old"] = config.Get("old"),
                ["obj"] = config.Get("obj"),
                ["missing"] = config.Get("missing"),
                ["other"] = new Pulumi.Config("elsewhere").Get("name"),
            };
        });

        Assert.That(outputs["name"], Is.EqualTo("x"));
        Assert.That(outputs["old"], Is.EqualTo("y"), "the older \"project:config:key\" form");
        Assert.That(outputs["obj"], Is.EqualTo("""{"a":1}"""), "structured values arrive as JSON text");
        Assert.That(outputs["missing"], Is.Null);
        Assert.That(outputs["other"], Is.Null);
    }

    [Test]
    public async Task Stack_transformations_see_every_resource_with_its_options()
    {
        var seen = new List<string>();
        var options = new BlinkStackOptions
        {
            Transformations = [args => { seen.Add($"{args.Resource.GetResourceName()}:{args.Options.Parent?.GetResourceName()}"); return null; }],
        };
        await Deployment.TestWithServiceProviderAsync<BlinkStack>(new RecordingMocks(), new SingleStackProvider(() => new BlinkStack(StackRunner.Spec(StackRunner.DevConfig), options)), Options);

        Assert.That(seen.Take(12), Is.EqualTo(new[]
        {
            "proj-stk:", "blink-dev-alicloud:", "blink-dev:", "blink-dev-vpc:blink-dev",
            "blink-dev-vsw-cn-hangzhou-h:blink-dev", "blink-dev-vsw-cn-hangzhou-i:blink-dev", "blink-dev-vsw-cn-hangzhou-j:blink-dev",
            "blink-dev-pod-vsw-cn-hangzhou-h:blink-dev", "blink-dev-pod-vsw-cn-hangzhou-i:blink-dev", "blink-dev-pod-vsw-cn-hangzhou-j:blink-dev",
            "blink-dev:", "blink-dev-sg-masters:blink-dev",
        }));
    }

    [Test]
    public async Task A_transformation_can_change_a_resource_args_before_it_registers()
    {
        var mocks = new RecordingMocks();
        await Run(mocks, () =>
        {
            ResourceTransformation renameGroups = args => args.Args is SecurityGroupArgs groupArgs
                ? new ResourceTransformationResult(new SecurityGroupArgs { SecurityGroupName = "renamed", VpcId = groupArgs.VpcId }, args.Options)
                : null;
            new SecurityGroup("sg", new SecurityGroupArgs { SecurityGroupName = "original", VpcId = "vpc-1" },
                new CustomResourceOptions { ResourceTransformations = { renameGroups } });
            return new Dictionary<string, object?>();
        });

        Assert.That(mocks.Single("alicloud:ecs/securityGroup:SecurityGroup", "sg").Inputs,
            Is.EquivalentTo(new Dictionary<string, object> { ["securityGroupName"] = "renamed", ["vpcId"] = "vpc-1" }));
    }

    [Test]
    public async Task A_run_exception_thrown_outside_any_output_is_its_message_alone()
    {
        var mocks = new RecordingMocks();

        var errors = await RunErrors.Of(() => Run(mocks, () => throw new RunException("boom")));

        Assert.That(errors, Is.EqualTo(new[] { "boom" }));
        Assert.That(mocks.Resources, Is.Empty);
    }

    [Test]
    public async Task An_exception_in_an_apply_nothing_serializes_is_its_message_alone()
    {
        // TestAsync hands the callback's outputs back to the test; it does not register them.
        var errors = await RunErrors.Of(() => Run(new RecordingMocks(), () =>
        {
            var vpc = new Pulumi.AliCloud.Vpc.Network("vpc", new NetworkArgs());
            return new Dictionary<string, object?> { ["x"] = vpc.Id.Apply(id => id.Length > 0 ? throw new RunException("boom") : id) };
        }));

        Assert.That(errors, Is.EqualTo(new[] { "boom" }));
    }

    [Test]
    public async Task An_exception_in_an_apply_surfaces_in_every_input_and_invoke_argument_that_depends_on_it()
    {
        var mocks = new RecordingMocks { CallResult = _ => StackRunner.NetworksResult("vpc-1", "10.0.0.0/8") };

        var errors = await RunErrors.Of(() => Run(mocks, () =>
        {
            var vpc = new Pulumi.AliCloud.Vpc.Network("vpc", new NetworkArgs());
            var failing = vpc.Id.Apply(id => id.Length > 0 ? throw new RunException("boom") : id);
            new Switch("vsw", new SwitchArgs { VpcId = failing, ZoneId = "cn-hangzhou-h" });
            GetNetworks.Invoke(new GetNetworksInvokeArgs { Ids = { failing } });
            return new Dictionary<string, object?>();
        }));

        // The exception itself, as its message alone (the output it failed is reported by the runner) ...
        Assert.That(errors, Does.Contain("boom"));
        // ... and again wherever it is serialized: the vSwitch's registration fails, with a stack trace ...
        Assert.That(errors.Where(e => e.StartsWith("Running program '", StringComparison.Ordinal)
                && e.Contains("' failed with an unhandled exception:\nSystem.InvalidOperationException: error serializing property \"vpcId\": boom\n", StringComparison.Ordinal)
                && e.Contains(" ---> Pulumi.RunException: boom", StringComparison.Ordinal)),
            Is.Not.Empty, string.Join("\n---\n", errors));
        Assert.That(mocks.OfType("alicloud:vpc/switch:Switch"), Is.Empty, "a registration whose inputs fail never reaches the engine");
        // ... and the invoke is never called. (It logs "Error serializing arguments for invoke <token>: ..."
        // with Log.Error, a line the real runner can return without once the exception ends the run, and
        // which the offline runner never delivers then: nothing may rely on it.)
        Assert.That(mocks.Lookups, Is.Empty, "an invoke whose arguments fail is not called");
    }

    [Test]
    public async Task A_helm_release_registers_compat_true_whatever_its_args_say()
    {
        var mocks = new RecordingMocks();
        var args = new Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs { Chart = "c", Compat = "false" };
        await Run(mocks, () =>
        {
            new Pulumi.Kubernetes.Helm.V3.Release("rel", args);
            new Pulumi.Kubernetes.Helm.V3.Release("bare", new Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs { Chart = "c" });
            return new Dictionary<string, object?>();
        });

        Assert.That(mocks.Single("kubernetes:helm.sh/v3:Release", "rel").Inputs,
            Is.EquivalentTo(new Dictionary<string, object> { ["chart"] = "c", ["compat"] = "true" }), "pulumi-kubernetes' Release sets compat on the args it is given");
        Assert.That(mocks.Single("kubernetes:helm.sh/v3:Release", "bare").Inputs["compat"], Is.EqualTo("true"));
        Assert.That(await OutputUtilities.GetValueAsync(args.Compat!.ToOutput()), Is.EqualTo("true"), "the caller's args are changed too");
    }

    /// <summary>A component declaring outputs of the shapes BlinkInfra's components declare, registered as Pulumi's own way does.</summary>
    private sealed class Declaring : ComponentResource
    {
        [Output("vpcId")]
        public Output<string> VpcId { get; private set; }

        [Output("byZone")]
        public Output<ImmutableDictionary<string, string>> ByZone { get; private set; }

        [Output("rrsaMetadata")]
        public Output<Pulumi.AliCloud.CS.Outputs.ManagedKubernetesRrsaMetadata> RrsaMetadata { get; private set; }

        /// <summary>Public, but no [Output]: not registered.</summary>
        public Output<string> Wiring { get; }

        public Declaring(string name) : base("test:index:Declaring", name)
        {
            var vpc = new Pulumi.AliCloud.Vpc.Network($"{name}-vpc", new NetworkArgs { CidrBlock = "10.0.0.0/16" }, new CustomResourceOptions { Parent = this });
            var cluster = new Pulumi.AliCloud.CS.ManagedKubernetes($"{name}-ack", new Pulumi.AliCloud.CS.ManagedKubernetesArgs(), new CustomResourceOptions { Parent = this });
            VpcId = vpc.Id;
            ByZone = vpc.Id.Apply(id => ImmutableDictionary<string, string>.Empty.Add("cn-hangzhou-h", id));
            RrsaMetadata = cluster.RrsaMetadata;
            Wiring = Output.Create("not an output");
            RegisterOutputs();
        }
    }

    [Test]
    public async Task RegisterOutputs_without_arguments_registers_every_output_property_under_its_name()
    {
        // ComponentResource.RegisterOutputs() reads the component's [Output] properties (pulumi-dotnet 3.59, #200); an
        // [OutputType] value goes as a map of its fields, first letters in lower case (3.87, #681).
        var mocks = new RecordingMocks();
        await Run(mocks, () =>
        {
            new Declaring("d");
            return new Dictionary<string, object?>();
        });

        var registered = mocks.RegisteredOutputs.Single(o => o.Urn == "urn:pulumi:stk::proj::pulumi:pulumi:Stack$test:index:Declaring::d");
        Assert.That(registered.Outputs.Keys, Is.EquivalentTo(new[] { "vpcId", "byZone", "rrsaMetadata" }), "the [Output] properties, not Urn, not Wiring");
        Assert.That(await OutputUtilities.GetValueAsync(registered.Outputs["vpcId"]), Is.EqualTo("d-vpc-id"));
        Assert.That(await OutputUtilities.GetValueAsync(registered.Outputs["byZone"]), Is.EquivalentTo(new Dictionary<string, object> { ["cn-hangzhou-h"] = "d-vpc-id" }));
        var rrsa = (IDictionary<string, object?>)(await OutputUtilities.GetValueAsync(registered.Outputs["rrsaMetadata"]))!;
        Assert.That(rrsa["ramOidcProviderArn"], Is.EqualTo("acs:ram::1234567890123456:oidc-provider/ack-rrsa-d-ack-id"));
        Assert.That(rrsa["rrsaOidcIssuerUrl"], Is.EqualTo("https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/d-ack-id"));
    }

    [Test, OfflineSdkOnly("only the offline SDK refuses to deploy; the real Deployment.RunAsync needs an engine (PULUMI_MONITOR)")]
    public void The_offline_sdk_cannot_deploy_and_says_so()
    {
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            var spec = StackRunner.Spec(StackRunner.DevConfig);
            Assert.That(Deployment.RunAsync<BlinkStack>(new SingleStackProvider(() => new BlinkStack(spec))).Result, Is.EqualTo(1));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.That(errors.ToString(), Does.StartWith("error BLINK5011: this program was built against BlinkInfra's offline Pulumi SDK (offline-sdk/), which runs stacks under mocks only and cannot deploy."));
        // The code the offline SDK writes as text is the catalogue's entry for it.
        Assert.That(DiagnosticCatalogue.Find("BLINK5011"), Is.SameAs(DiagnosticCatalogue.OfflineBuildCannotDeploy));
    }

}
