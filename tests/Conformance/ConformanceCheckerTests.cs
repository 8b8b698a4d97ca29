using System;
using System.Linq;
using NUnit.Framework;

namespace BlinkInfra.Tests.Conformance
{
    /// <summary>
    /// The conformance checker itself: stand-in mirrors of Pulumi.AliCloud.Vpc.Switch, one faithful and
    /// one per kind of mistake, are listed as if they were the offline SDK's and compared with the golden file.
    /// </summary>
    public class ConformanceCheckerTests
    {
        private const string StandIns = "BlinkInfra.Tests.Conformance.StandIns.";

        private static string[] Offending(string variant)
        {
            var prefix = StandIns + variant + ".";
            var types = typeof(ConformanceCheckerTests).Assembly.GetTypes()
                .Where(t => t.Namespace?.StartsWith(prefix, StringComparison.Ordinal) == true);
            var lines = ApiListing.Lines(types, name => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name);
            return ConformanceTests.Offending(lines, ConformanceTests.GoldenLines()).ToArray();
        }

        [Test]
        public void A_faithful_mirror_has_no_offending_line()
        {
            Assert.That(Offending("Faithful"), Is.Empty);
        }

        [Test]
        public void A_misspelt_input_name_is_named()
        {
            Assert.That(Offending("MisspeltInput"), Is.EqualTo(new[]
            {
                "prop Pulumi.AliCloud.Vpc.SwitchArgs.CidrBlock : Pulumi.Input<System.String>? {get;set;} [Input(\"cidr\",False,False)]",
            }));
        }

        [Test]
        public void A_wrong_type_token_is_named()
        {
            Assert.That(Offending("WrongToken"), Is.EqualTo(new[]
            {
                "type class Pulumi.AliCloud.Vpc.Switch : Pulumi.CustomResource [AliCloudResourceType(\"alicloud:vpc/vswitch:VSwitch\")]",
            }));
        }

        [Test]
        public void An_extra_public_member_is_named()
        {
            Assert.That(Offending("ExtraMember"), Is.EqualTo(new[]
            {
                "method Pulumi.AliCloud.Vpc.Switch.Refresh() : System.Void",
            }));
        }

        [Test]
        public void A_wrong_signature_is_named()
        {
            Assert.That(Offending("WrongSignature"), Is.EqualTo(new[]
            {
                "ctor Pulumi.AliCloud.Vpc.Switch(System.String name, Pulumi.AliCloud.Vpc.SwitchArgs args, Pulumi.CustomResourceOptions options = null)",
                "prop Pulumi.AliCloud.Vpc.SwitchArgs.ZoneId : System.String? {get;set;} [Input(\"zoneId\",False,False)]",
            }));
        }

        [Test]
        public void Listing_lines_are_attributed_to_their_type()
        {
            Assert.Multiple(() =>
            {
                Assert.That(ListingLine.OwnerOf("type sealed class Pulumi.InputList<T> : Pulumi.Input<System.Collections.Immutable.ImmutableArray<T>>"), Is.EqualTo("Pulumi.InputList<T>"));
                Assert.That(ListingLine.OwnerOf("ctor protected Pulumi.InputArgs()"), Is.EqualTo("Pulumi.InputArgs"));
                Assert.That(ListingLine.OwnerOf("method Pulumi.Output.Tuple<T1,T2>(Pulumi.Input<T1> item1, Pulumi.Input<T2> item2) : static Pulumi.Output<System.ValueTuple<T1,T2>>"), Is.EqualTo("Pulumi.Output"));
                Assert.That(ListingLine.OwnerOf("prop Pulumi.InputMap<TValue>.Item : Pulumi.Input<TValue> {set;}"), Is.EqualTo("Pulumi.InputMap<TValue>"));
                Assert.That(ListingLine.OwnerOf("inputfield Pulumi.AliCloud.Vpc.NetworkArgs._tags : Pulumi.InputMap<System.String> [Input(\"tags\",False,False)]"), Is.EqualTo("Pulumi.AliCloud.Vpc.NetworkArgs"));
                Assert.That(ListingLine.OwnerOf("field Pulumi.Testing.MockRegisterResourceOutputsRequest.Urn : System.String"), Is.EqualTo("Pulumi.Testing.MockRegisterResourceOutputsRequest"));
            });
        }
    }
}

// Stand-ins: each namespace mirrors Pulumi.AliCloud.Vpc.Switch and SwitchArgs, the listing is told to
// drop the namespace prefix, so their lines read as the offline SDK's would.

namespace BlinkInfra.Tests.Conformance.StandIns
{
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    internal sealed class AliCloudResourceTypeAttribute : Pulumi.ResourceTypeAttribute
    {
        public AliCloudResourceTypeAttribute(string type) : base(type, "3.105.0")
        {
        }
    }
}

namespace BlinkInfra.Tests.Conformance.StandIns.Faithful.Pulumi.AliCloud.Vpc
{
    using global::Pulumi;
    using BlinkInfra.Tests.Conformance.StandIns;

    [AliCloudResourceType("alicloud:vpc/switch:Switch")]
    public class Switch : CustomResource
    {
        public Switch(string name, SwitchArgs? args = null, CustomResourceOptions? options = null) : base("alicloud:vpc/switch:Switch", name, args, options) { }
    }

    public sealed class SwitchArgs : ResourceArgs
    {
        [Input("cidrBlock")] public Input<string>? CidrBlock { get; set; }
        [Input("zoneId")] public Input<string>? ZoneId { get; set; }
        [Input("tags")] private InputMap<string>? _tags;
        public InputMap<string> Tags { get => _tags ??= new InputMap<string>(); set => _tags = value; }
    }
}

namespace BlinkInfra.Tests.Conformance.StandIns.MisspeltInput.Pulumi.AliCloud.Vpc
{
    using global::Pulumi;

    public sealed class SwitchArgs : ResourceArgs
    {
        [Input("cidr")] public Input<string>? CidrBlock { get; set; }
        [Input("zoneId")] public Input<string>? ZoneId { get; set; }
    }
}

namespace BlinkInfra.Tests.Conformance.StandIns.WrongToken.Pulumi.AliCloud.Vpc
{
    using global::Pulumi;
    using BlinkInfra.Tests.Conformance.StandIns;

    [AliCloudResourceType("alicloud:vpc/vswitch:VSwitch")]
    public class Switch : CustomResource
    {
        public Switch(string name, global::Pulumi.AliCloud.Vpc.SwitchArgs? args = null, CustomResourceOptions? options = null) : base("alicloud:vpc/vswitch:VSwitch", name, args, options) { }
    }
}

namespace BlinkInfra.Tests.Conformance.StandIns.ExtraMember.Pulumi.AliCloud.Vpc
{
    using global::Pulumi;
    using BlinkInfra.Tests.Conformance.StandIns;

    [AliCloudResourceType("alicloud:vpc/switch:Switch")]
    public class Switch : CustomResource
    {
        public Switch(string name, SwitchArgs? args = null, CustomResourceOptions? options = null) : base("alicloud:vpc/switch:Switch", name, args, options) { }

        public void Refresh() { }
    }

    public sealed class SwitchArgs : ResourceArgs
    {
    }
}

namespace BlinkInfra.Tests.Conformance.StandIns.WrongSignature.Pulumi.AliCloud.Vpc
{
    using global::Pulumi;
    using BlinkInfra.Tests.Conformance.StandIns;

    [AliCloudResourceType("alicloud:vpc/switch:Switch")]
    public class Switch : CustomResource
    {
        public Switch(string name, SwitchArgs args, CustomResourceOptions? options = null) : base("alicloud:vpc/switch:Switch", name, args, options) { }
    }

    public sealed class SwitchArgs : ResourceArgs
    {
        [Input("zoneId")] public string? ZoneId { get; set; }
    }
}
