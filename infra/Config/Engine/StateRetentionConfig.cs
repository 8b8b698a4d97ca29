namespace BlinkInfra.Config;

/// <summary>`blink-infra:engine.stateRetention`: how long the state bucket keeps what Flink no longer needs.</summary>
public sealed class StateRetentionConfig
{
    [ConfigDoc("1 to 3650: days a version Flink deleted or overwrote (every checkpoint interval: Flink keeps only the latest checkpoints) stays before it expires; on a versioned bucket without this rule every deleted checkpoint is kept and billed forever", Default = "`7`")]
    public int? NoncurrentVersionDays { get; set; }
    [ConfigDoc("1 to 3650: days an unfinished multipart upload (a TaskManager stopped while writing a large file) keeps its parts before it is aborted", Default = "`1`")]
    public int? IncompleteUploadDays { get; set; }
    [ConfigDoc("1 to 3650: days a savepoint stays under the bucket's `savepoints/` before it expires (a lifecycle rule of that prefix, `blink-savepoints-expiry`; its noncurrent version then goes after `noncurrentVersionDays`): what the operator could not dispose of (a deleted or stopped job's savepoints). More than every job's `savepoints.maxAgeDays` and interval, or refused naming this key: the operator must not keep, or restore from, a savepoint the bucket deleted. A savepoint a job starts from (`initialSavepointPath`) under `savepoints/` expires too: keep one you need elsewhere in the bucket", Default = "`30`")]
    public int? SavepointDays { get; set; }
}
