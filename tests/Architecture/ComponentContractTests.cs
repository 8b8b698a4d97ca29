using System;
using IDictionary = System.Collections.IDictionary;
using IEnumerable = System.Collections.IEnumerable;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using NUnit.Framework;
using Pulumi;
using Pulumi.Utilities;

namespace BlinkInfra.Tests.Architecture;

/// <summary>
/// Every component follows Pulumi's own shape: <c>(string name, XArgs args, ComponentResourceOptions? options = null)</c>,
/// an Args class set by named properties (a required one cannot be left out), and every output it declares registered,
/// under the name it declares. Written against the public Pulumi API and reflection only, so it holds on both SDKs.
/// </summary>
public class ComponentContractTests
{
    /// <summary>Every component class of the program (the stack aside).</summary>
    private static IEnumerable<Type> ComponentTypes()
        => typeof(BlinkStack).Assembly.GetTypes()
            .Where(t => typeof(ComponentResource).IsAssignableFrom(t) && !typeof(Stack).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Test]
    public void The_program_has_its_components()
        => Assert.That(ComponentTypes().Select(t => t.Name), Is.EquivalentTo(new[]
        {
            "BreakGlassAccess", "ClusterCompute", "ClusterKey", "ClusterLogs", "ClusterNetwork", "ClusterObservability",
            "ClusterSecurity", "CrossAccountConnection", "FlinkEngine", "InternetEgress",
        }), "a new component is held by the tests below as soon as it exists");

    [TestCaseSource(nameof(ComponentTypes))]
    public void A_component_takes_a_name_its_args_and_options(Type component)
    {
        var constructor = component.GetConstructors().Single();
        var parameters = constructor.GetParameters();

        Assert.That(parameters.Select(p => (p.Name, p.ParameterType)), Is.EqualTo(new[]
        {
            ("name", typeof(string)),
            ("args", component.Assembly.GetType($"{component.FullName}Args")),
            ("options", typeof(ComponentResourceOptions)),
        }));
        Assert.That(parameters[2].HasDefaultValue && parameters[2].DefaultValue is null, Is.True, "options default to null");
    }

    [TestCaseSource(nameof(ComponentTypes))]
    public void Its_args_are_a_class_set_by_named_properties_the_required_ones_marked(Type component)
    {
        var args = component.Assembly.GetType($"{component.FullName}Args")!;
        var properties = args.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var nullability = new NullabilityInfoContext();

        Assert.Multiple(() =>
        {
            Assert.That(args.IsClass && args.IsSealed, Is.True, $"{args.Name} is a sealed class");
            // A record has a compiler-made Clone method, and a positional one a constructor taking its members.
            Assert.That(args.GetMethod("<Clone>$"), Is.Null, $"{args.Name} is not a record");
            Assert.That(args.GetConstructors().Select(c => c.GetParameters().Length), Is.EqualTo(new[] { 0 }), $"{args.Name} is built by named properties alone");
            Assert.That(properties, Is.Not.Empty);
            foreach (var property in properties)
            {
                var setter = property.SetMethod;
                Assert.That(setter is not null && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)), Is.True,
                    $"{args.Name}.{property.Name} is set once, where the args are built (init)");
            }
        });

        // Built by reflection, which the compiler's `required` does not stop: what is left unset must have a meaning.
        var empty = Activator.CreateInstance(args)!;
        foreach (var property in properties.Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is null))
        {
            var value = property.GetValue(empty);
            var mayBeNull = nullability.Create(property).ReadState == NullabilityState.Nullable;
            Assert.That(value is not null || mayBeNull, Is.True, $"{args.Name}.{property.Name} is neither required nor nullable, and left unset it is null");
            Assert.That(value is not ImmutableArray<Resource> { IsDefault: true } and not ImmutableArray<string> { IsDefault: true } and not ImmutableArray<int> { IsDefault: true },
                Is.True, $"{args.Name}.{property.Name} is neither required nor given a default, and left unset it is a default ImmutableArray");
        }
    }

    /// <summary>The example stacks, and the test stacks that between them turn on every component.</summary>
    private static IEnumerable<TestCaseData> Stacks()
    {
        foreach (var name in TestPaths.ExampleStackNames)
            yield return new TestCaseData(name).SetArgDisplayNames(name);
        yield return new TestCaseData("EveryFeature").SetArgDisplayNames("EveryFeature");
        yield return new TestCaseData("EveryFeatureNewVpc").SetArgDisplayNames("EveryFeatureNewVpc");
    }

    private static StackSpec SpecOf(string stack) => stack switch
    {
        "EveryFeature" => SpecLoader.Load(StackRunner.WithSecret(TestStacks.EveryFeature, "blink-infra:endpointCredentials", TestStacks.EveryFeatureCredentials), PolicyEngine.PolicyNames),
        "EveryFeatureNewVpc" => StackRunner.Spec(TestStacks.EveryFeatureNewVpc, "every2"),
        _ => SpecLoader.Load(StackFile.Load(TestPaths.ExampleStack(stack)).ToRaw(), PolicyEngine.PolicyNames),
    };

    /// <summary>
    /// Each component of a stack run under the plan's recorder (the cloud answering as a plan assumes: every output a
    /// provider computes a reference), with what it registered.
    /// </summary>
    private static async Task<IReadOnlyList<(ComponentResource Component, Pulumi.Testing.MockRegisterResourceOutputsRequest[] Registered)>> RunAsync(string stack)
    {
        var spec = SpecOf(stack);
        var cloud = new PlannedCloud(new PlanRecorder(call => OfflineAnswers.Answer(spec, call)));
        var options = new BlinkStackOptions { Transformations = [cloud.Recorder.Transformation] };
        var resources = await Deployment.TestWithServiceProviderAsync<BlinkStack>(cloud, new SingleStackProvider(() => new BlinkStack(spec, options)),
            new Pulumi.Testing.TestOptions { ProjectName = StackRunner.Project, StackName = "dev", IsPreview = false });
        var found = new List<(ComponentResource, Pulumi.Testing.MockRegisterResourceOutputsRequest[])>();
        foreach (var component in resources.OfType<ComponentResource>().Where(r => r is not Stack))
        {
            var urn = await OutputUtilities.GetValueAsync(component.Urn);
            found.Add((component, cloud.Registered.Where(o => o.Urn == urn).ToArray()));
        }
        return found;
    }

    /// <summary>The plan's recorder as the cloud, keeping what components register (which the plan leaves out).</summary>
    private sealed class PlannedCloud(PlanRecorder recorder) : Pulumi.Testing.IMocks
    {
        public PlanRecorder Recorder { get; } = recorder;

        private readonly List<Pulumi.Testing.MockRegisterResourceOutputsRequest> _registered = new();

        public IReadOnlyList<Pulumi.Testing.MockRegisterResourceOutputsRequest> Registered
        {
            get { lock (_registered) return _registered.ToList(); }
        }

        public Task<(string? id, object state)> NewResourceAsync(Pulumi.Testing.MockResourceArgs args) => Recorder.NewResourceAsync(args);

        public Task<object> CallAsync(Pulumi.Testing.MockCallArgs args) => Recorder.CallAsync(args);

        public Task RegisterResourceOutputs(Pulumi.Testing.MockRegisterResourceOutputsRequest args)
        {
            lock (_registered) _registered.Add(args);
            return Task.CompletedTask;
        }
    }

    [TestCaseSource(nameof(Stacks))]
    public async Task Every_component_registers_every_output_it_declares_and_nothing_else(string stack)
    {
        var components = await RunAsync(stack);

        Assert.That(components, Is.Not.Empty);
        foreach (var (component, registered) in components)
        {
            var type = component.GetType();
            var label = $"{type.Name} {component.GetResourceName()}";
            Assert.That(registered, Has.Length.EqualTo(1), $"{label} registers its outputs once");
            var outputs = registered[0].Outputs;
            var declared = DeclaredOutputs(type);

            Assert.That(outputs.Keys, Is.EquivalentTo(declared.Select(d => d.Name)), $"{label}: registered as declared");
            foreach (var (name, property) in declared)
            {
                var value = await ValueOf(property.GetValue(component)!);
                Assert.That(Canonical(await OutputUtilities.GetValueAsync(outputs[name])), Is.EqualTo(Canonical(value)), $"{label}: {name} is registered with its value");
            }
        }
    }

    [Test]
    public void A_public_output_of_a_component_is_declared_as_one()
    {
        // An Output property without [Output] would be read by the program but never registered, nor shown by Pulumi.
        foreach (var type in ComponentTypes())
        {
            var undeclared = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => IsOutput(p.PropertyType) && p.GetCustomAttribute<OutputAttribute>() is null)
                .Select(p => p.Name);
            Assert.That(undeclared, Is.Empty, $"{type.Name}: public Output properties without [Output]");
        }
    }

    [Test]
    public async Task The_stacks_declare_every_component_of_the_program()
    {
        var seen = new HashSet<Type>();
        foreach (var stack in Stacks().Select(c => (string)c.Arguments[0]!))
            seen.UnionWith((await RunAsync(stack)).Select(c => c.Component.GetType()));

        Assert.That(seen.Select(t => t.Name), Is.EquivalentTo(ComponentTypes().Select(t => t.Name)), "the registration test above sees every component");
    }

    [Test]
    public async Task The_network_registers_its_route_table_the_compute_its_rrsa_metadata_and_observability_its_alert_rules()
    {
        // The two outputs issue 30 found declared but never registered, and observability's, which registered nothing.
        var components = await RunAsync("dev");
        async Task<object?> Registered<T>(string output)
            => await OutputUtilities.GetValueAsync(components.Single(c => c.Component is T).Registered.Single().Outputs[output]);

        Assert.That(await Registered<BlinkInfra.Network.ClusterNetwork>("routeTableId"), Is.EqualTo("${blink-dev-vpc.routeTableId}"));
        var rrsa = (IDictionary<string, object?>)(await Registered<BlinkInfra.Compute.ClusterCompute>("rrsaMetadata"))!;
        Assert.That(rrsa["ramOidcProviderArn"], Is.EqualTo("${blink-dev-ack.rrsaMetadata.ramOidcProviderArn}"));
        Assert.That(rrsa["rrsaOidcIssuerUrl"], Is.EqualTo("${blink-dev-ack.rrsaMetadata.rrsaOidcIssuerUrl}"));
        var alertRules = (IDictionary<string, object?>)(await Registered<BlinkInfra.Observability.ClusterObservability>("alertRuleIds"))!;
        Assert.That(alertRules, Is.EquivalentTo(BlinkInfra.Facts.Alerts.For(BlinkInfra.Facts.FlinkDefaults.JobsNamespace).ToDictionary(a => a.Name, a => (object?)$"${{blink-dev-alert-{a.Name}.id}}")));
    }

    private static (string Name, PropertyInfo Property)[] DeclaredOutputs(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(Resource.Urn) && p.GetCustomAttribute<OutputAttribute>() is not null)
            .Select(p => (NameOf(p), p))
            .ToArray();

    /// <summary>The name an [Output] property declares, read from the attribute's data (its Name is internal in the real SDK).</summary>
    private static string NameOf(PropertyInfo property)
        => property.GetCustomAttributesData().Single(a => a.AttributeType == typeof(OutputAttribute)).ConstructorArguments.FirstOrDefault().Value as string ?? property.Name;

    private static bool IsOutput(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Output<>);

    private static readonly MethodInfo ValueGeneric = typeof(ComponentContractTests).GetMethod(nameof(ValueAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<object?> ValueOf(object output)
        => (Task<object?>)ValueGeneric.MakeGenericMethod(output.GetType().GetGenericArguments()[0]).Invoke(null, new[] { output })!;

    private static async Task<object?> ValueAsync<T>(Output<T> output) => await OutputUtilities.GetValueAsync(output);

    /// <summary>
    /// A value as JSON with sorted keys, whatever its .NET shape: a registered value comes back as the serializer sends
    /// it (maps of objects), a property's as declared (a typed dictionary, an [OutputType] object, whose readonly fields
    /// Pulumi sends with lower-case first letters).
    /// </summary>
    private static string Canonical(object? value) => System.Text.Json.JsonSerializer.Serialize(Plain(value));

    private static object? Plain(object? value) => value switch
    {
        null or string or bool or double => value,
        IDictionary map => new SortedDictionary<string, object?>(map.Keys.Cast<string>().ToDictionary(k => k, k => Plain(map[k])), StringComparer.Ordinal),
        IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ when value.GetType().GetCustomAttribute<OutputTypeAttribute>() is not null => new SortedDictionary<string, object?>(
            value.GetType().GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Where(f => f.IsInitOnly)
                .ToDictionary(f => char.ToLowerInvariant(f.Name[0]) + f.Name[1..], f => Plain(f.GetValue(value))), StringComparer.Ordinal),
        _ => value.ToString(),
    };
}
