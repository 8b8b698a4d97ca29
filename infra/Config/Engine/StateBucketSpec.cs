namespace BlinkInfra.Config;

/// <summary>
/// The state bucket: its name, its redundancy (LRS or ZRS), and its lifecycle: the days a noncurrent
/// version is kept before it expires, the days an incomplete multipart upload is kept before it is aborted, and the days
/// a savepoint stays under savepoints/ before it expires.
/// </summary>
public sealed record StateBucketSpec(string Name, string Redundancy, int NoncurrentVersionDays, int IncompleteUploadDays,
    int SavepointDays = Facts.FlinkDefaults.SavepointExpiryDays);
