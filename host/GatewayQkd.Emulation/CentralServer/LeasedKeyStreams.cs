using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// The key streams of several central-server workers as one HAP sees them: each call about a gateway goes to the worker
/// that serves it now (holds its lease), so the HAP's key for a gateway is stored and pushed by its owner only; while a
/// lease moves (a worker died, nobody serves the gateway yet) the gateway has no room and gets no blocks. Supplement
/// requests of every worker reach the HAP. Workers that stopped serve nothing, so they drop out by themselves.
/// </summary>
public sealed class LeasedKeyStreams : IKeyStreams
{
    private readonly IReadOnlyList<KeyStreamServer> _workers;

    /// <summary>Routes to <paramref name="workers"/>' streams (created leased, all for the same gateways).</summary>
    public LeasedKeyStreams(IReadOnlyList<KeyStreamServer> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0)
        {
            throw new ArgumentException("At least one worker is needed.", nameof(workers));
        }

        _workers = workers;
        GatewayIds = workers[0].GatewayIds;
        foreach (var worker in workers)
        {
            worker.SupplementReceived += (sender, e) => SupplementReceived?.Invoke(sender, e);
        }
    }

    /// <inheritdoc />
    public event EventHandler<SupplementReceivedEventArgs>? SupplementReceived;

    /// <inheritdoc />
    public IReadOnlyList<ushort> GatewayIds { get; }

    /// <inheritdoc />
    public IReadOnlyList<Options.GatewayPair> Pairs => [];

    /// <inheritdoc />
    public long RoomBits(ushort gatewayId) => Owner(gatewayId)?.RoomBits(gatewayId) ?? 0;

    /// <inheritdoc />
    public KeyBlock? IssueBlock(ushort gatewayId, int bytes) => Owner(gatewayId)?.IssueBlock(gatewayId, bytes);

    /// <inheritdoc />
    public int ResendOverdue(TimeSpan timeout) => _workers.Sum(w => w.ResendOverdue(timeout));

    /// <inheritdoc />
    public long PairRoomBits(Options.GatewayPair pair) => 0;

    /// <inheritdoc />
    public KeyBlock IssuePairBlock(Options.GatewayPair pair, int bytes) =>
        throw new ArgumentException($"Gateways {pair} are not a relayed pair: workers sharing the gateways relay no pairs.", nameof(pair));

    /// <inheritdoc />
    public GatewayView View(ushort gatewayId, TimeSpan recent) =>
        Owner(gatewayId)?.View(gatewayId, recent) ?? new GatewayView(0, 0, 0, 0, 0, false);

    /// <summary>Returns how many of the gateways some worker serves now.</summary>
    public int ServedGateways => GatewayIds.Count(id => Owner(id) is not null);

    private KeyStreamServer? Owner(ushort gatewayId) => _workers.FirstOrDefault(w => w.Serves(gatewayId));
}
