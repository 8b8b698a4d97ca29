using System.Collections.Generic;

namespace BlinkInfra.Config;

/// <summary>One item of `blink-infra:engine.jobs`: a job of UDF jars, run on a pool's session cluster.</summary>
public sealed class JobConfig
{
    public string? Name { get; set; }
    public string? Pool { get; set; }
    public string? JarPath { get; set; }
    public string? EntryClass { get; set; }
    public int? Parallelism { get; set; }
    public string? UpgradeMode { get; set; }
    public string? State { get; set; }
    public string? InitialSavepointPath { get; set; }
    public int? SavepointRedeployNonce { get; set; }
    public SavepointsConfig? Savepoints { get; set; }
    public AutoscalerConfig? Autoscaler { get; set; }
    public List<string> Args { get; set; } = new();
    public Dictionary<string, string> Config { get; set; } = new();
}
