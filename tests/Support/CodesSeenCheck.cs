using System.Linq;
using BlinkInfra.Config;
using BlinkInfra.Tests;
using NUnit.Framework;

// Outside any namespace: a set-up fixture for the whole assembly.
/// <summary>At the end of the run: every code the CLI printed under the tests is one `explain` knows.</summary>
[SetUpFixture]
public class CodesSeenCheck
{
    [OneTimeTearDown]
    public void Every_code_printed_is_known()
    {
        var unknown = CliRunner.CodesSeen.Keys.Where(code => DiagnosticCatalogue.Find(code) is null).ToList();
        Assert.That(unknown, Is.Empty, "codes printed that explain does not know");
    }
}
