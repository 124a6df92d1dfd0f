namespace GatewayQkd.Kms.Cluster;

/// <summary>Timing of a worker's leases.</summary>
/// <param name="Ttl">How long a lease lasts unless renewed (default 3 s: the takeover time after a worker dies).</param>
/// <param name="Margin">
/// How long before its lease lapses a worker stops serving a gateway it could not renew (default 1 s: covers clock skew
/// between workers and the time one round of work may take).
/// </param>
public sealed record LeaseKeeperSettings(TimeSpan Ttl, TimeSpan Margin)
{
    /// <summary>Gets the defaults: 3 s leases, 1 s margin (renewed every round, e.g. every 0.5 s).</summary>
    public static LeaseKeeperSettings Default { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
}
