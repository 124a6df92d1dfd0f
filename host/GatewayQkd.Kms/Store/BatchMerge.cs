namespace GatewayQkd.Kms.Store;

/// <summary>
/// A store call that may run merged with the calls of the same <see cref="Key"/> in its batch (<see cref="GroupCommit"/>):
/// one set of statements for all of them instead of one per call, which on PostgreSQL is one set of round trips per
/// batch. The merged run must give each call exactly what running those calls one after another would have given it.
/// </summary>
internal interface IBatchMerge
{
    /// <summary>Gets what calls must share to be merged (equal by value).</summary>
    object Key { get; }

    /// <summary>
    /// Runs <paramref name="parts"/> (this call first, then the others of its key, in arrival order) as one and returns
    /// each part's result in that order, or null - having changed nothing - when they must run one by one instead.
    /// </summary>
    object[]? TryRunMerged(StoreTransaction transaction, IReadOnlyList<IBatchMerge> parts);
}
