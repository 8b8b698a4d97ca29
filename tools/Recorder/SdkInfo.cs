using System.Reflection;

namespace BlinkInfra.Recorder;

/// <summary>Which Pulumi SDK this build was compiled against, told from the assembly that holds Pulumi.Deployment.</summary>
public static class SdkInfo
{
    public const string OfflineAssemblyName = "Pulumi.Offline";

    public static bool IsOffline => typeof(Pulumi.Deployment).Assembly.GetName().Name == OfflineAssemblyName;

    /// <summary>"offline" or "real", as plans record it.</summary>
    public static string Kind => IsOffline ? "offline" : "real";

    /// <summary>"offline SDK" or "Pulumi 3.112.1": which SDK, in the line `plan` starts with.</summary>
    public static string Short => IsOffline ? "offline SDK" : $"Pulumi {Version}";

    private static string Version
    {
        get
        {
            var assembly = typeof(Pulumi.Deployment).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString() ?? "?";
            return version.Split('+')[0];
        }
    }

    public static string Description
    {
        get
        {
            var assembly = typeof(Pulumi.Deployment).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                          ?? assembly.GetName().Version?.ToString() ?? "?";
            return IsOffline
                ? "offline SDK (BlinkInfra's offline-sdk/, mirrors Pulumi 3.112.1, Pulumi.AliCloud 3.105.0, Pulumi.Kubernetes 4.32.0; plans only, cannot deploy)"
                : $"real Pulumi packages (Pulumi {version.Split('+')[0]})";
        }
    }
}
