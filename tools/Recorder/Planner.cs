using System.Threading.Tasks;
using BlinkInfra.Config;
using BlinkInfra.Plan;
using Pulumi;
using Pulumi.Testing;

namespace BlinkInfra.Recorder;

/// <summary>
/// Runs the program offline on a spec already loaded: the stack is built from the spec under mocks
/// that record what it declares, as `pulumi preview` would register it.
/// </summary>
public static class Planner
{
    public static async Task<StackPlan> PlanAsync(StackSpec spec, string stackName)
    {
        var recorder = new PlanRecorder(call => OfflineAnswers.Answer(spec, call));
        var options = new BlinkStackOptions { Transformations = [recorder.Transformation] };
        await Deployment.TestWithServiceProviderAsync<BlinkStack>(
            recorder,
            new SingleStackProvider(() => new BlinkStack(spec, options)),
            new TestOptions { ProjectName = ConfigKeys.Namespace, StackName = stackName, IsPreview = true });
        return await recorder.BuildAsync(ConfigKeys.Namespace, stackName, SdkInfo.Kind, StackSettings.Of(spec));
    }
}
