namespace GatewayQkd.Emulation.Report;

/// <summary>
/// Where a run started from: its number in the data folder's history (<see cref="Run.RunHistory"/>) and, for a
/// resumed run, the state it found there, so the report says it resumed, from what, and which losses are its own.
/// </summary>
/// <param name="RunNumber">1 for a new deployment, N for the N-th run on the same data folder.</param>
/// <param name="StoreBlocks">Key blocks the central store held at the start (all runs so far).</param>
/// <param name="StoreUnacknowledgedBlocks">Of those, blocks no gateway had acknowledged (pushed again now).</param>
/// <param name="PoolBits">Key bits in the emulated gateways' pools after they booted.</param>
/// <param name="LostBitsBefore">Key bits the gateways had lost before this run (reservations cut by earlier stops), found at boot.</param>
public sealed record RunStart(int RunNumber, long StoreBlocks, long StoreUnacknowledgedBlocks, long PoolBits, long LostBitsBefore)
{
    /// <summary>Gets a value indicating whether the run resumed an earlier deployment.</summary>
    public bool Resumed => RunNumber > 1;
}
