namespace BlinkInfra.Diff;

/// <summary>What happens to a resource, as `pulumi preview` names it.</summary>
public enum DiffOp
{
    Same,
    Create,
    Update,
    Replace,
    Delete,

    /// <summary>A copy left pending deletion by an earlier replacement is deleted (Pulumi's `delete-replaced`).</summary>
    DeleteReplaced,
}
