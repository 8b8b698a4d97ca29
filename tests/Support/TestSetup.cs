using NUnit.Framework;

// Stacks under mocks share Pulumi's process-wide deployment state and environment variables: one test at a time.
[assembly: NonParallelizable]
[assembly: LevelOfParallelism(1)]
