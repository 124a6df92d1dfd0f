using System.Collections.Concurrent;
using GatewayQkd.Core.Pool;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Run;
using GatewayQkd.Emulation.Sensors;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// Gateway-to-gateway keys relayed by the HAP (XOR forwarding, DDKA paper s2.3) end to end: a sensor under gateway 1
/// and a sensor under gateway 2 obtain the same keys, each key once, checked by the run (the second sensor opens the
/// first one's message) and by this test's own ledger (bytes of both ends and of the central store's copy).
/// </summary>
public sealed class GatewayToGatewayKeyTests
{
    private static readonly GatewayPair Pair = new(1, 2);

    [Fact]
    public async Task Sensors_Under_Two_Gateways_Share_Keys_Over_The_Embedded_Broker()
    {
        using var folder = new RunFolder();
        var options = PairOptions(folder);

        var (report, ledger, log) = await RunAsync(folder, options);

        AssertAgreed(report, ledger, log);
    }

    [Fact]
    public async Task Sensors_Under_Two_Gateways_Share_Keys_Over_Mosquitto()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();
        using var folder = new RunFolder();
        var options = PairOptions(folder) with { ExternalBroker = mosquitto.Endpoint };

        var (report, ledger, log) = await RunAsync(folder, options);

        AssertAgreed(report, ledger, log);
    }

    [Fact]
    public void A_Pair_That_Names_No_Emulated_Gateway_Is_Refused_By_Name()
    {
        using var folder = new RunFolder();
        var options = PairOptions(folder) with { GatewayPairs = [new GatewayPair(2, 5)] };

        var problem = Assert.Single(EmulationOptionsValidator.Validate(options));

        Assert.StartsWith("gatewayPairs each pair must name two emulated gateways (1..2)", problem, StringComparison.Ordinal);
    }

    private static EmulationOptions PairOptions(RunFolder folder) =>
        folder.Options(gateways: 2, sensors: 1, seconds: 6) with { GatewayPairs = [Pair], PairRequestIntervalSeconds = 1.0 };

    private static async Task<(Report.EmulationReport Report, PairLedger Ledger, string Log)> RunAsync(RunFolder folder, EmulationOptions options)
    {
        await using var run = await folder.StartAsync(options);
        var ledger = new PairLedger();
        run.PairKeyReceived += (_, e) =>
        {
            // Before either end uses it; the first end's copy is compared with the central store's K1 (still unused).
            var stored = e.GatewayId == Pair.Lower ? run.Store.GetKey(Pair.Lower, e.Range) : null;
            ledger.Record(e, stored);
        };

        var report = await run.RunAsync();
        return (report, ledger, string.Join("\n", run.Log.Recent()));
    }

    private static void AssertAgreed(Report.EmulationReport report, PairLedger ledger, string log)
    {
        Assert.True(report.Counter(RunCounter.PairKeysAgreed) > 0, log);
        Assert.True(ledger.Compared > 0, log);
        Assert.Equal(0, ledger.Mismatches);
        Assert.Equal(0, ledger.Twice);
        Assert.Equal(0, report.Counter(RunCounter.PairKeyMismatches));
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        Assert.True(report.Counter(RunCounter.PairKeyBitsRelayed) > 0);
        Assert.Equal(0, report.Counter(RunCounter.FramesRejected));
    }

    /// <summary>
    /// The test's own account of pair keys: each end's key ids must never overlap one another (a key twice), the first
    /// end's bytes must equal the central store's, and the second end's bytes the first end's for the same offset.
    /// </summary>
    private sealed class PairLedger
    {
        private readonly ConcurrentDictionary<(ushort Gateway, uint Offset), (KeyRange Range, byte[] Key)> _keys = new();
        private long _compared;
        private long _mismatches;
        private long _twice;

        public long Compared => Interlocked.Read(ref _compared);

        public long Mismatches => Interlocked.Read(ref _mismatches);

        public long Twice => Interlocked.Read(ref _twice);

        public void Record(PairKeyEventArgs e, byte[]? stored)
        {
            lock (_keys)
            {
                if (_keys.Values.Any(k => k.Range.PeerId == e.Range.PeerId && k.Range.Overlaps(e.Range)))
                {
                    _twice++;
                }

                _keys[(e.GatewayId, e.Range.Offset)] = (e.Range, e.Key);
                if (stored is not null && !stored.AsSpan().SequenceEqual(e.Key))
                {
                    _mismatches++;
                }

                if (e.GatewayId == e.Pair.Higher)
                {
                    _compared++;
                    if (!_keys.TryGetValue((e.Pair.Lower, e.Range.Offset), out var first) || first.Range.Length != e.Range.Length || !first.Key.AsSpan().SequenceEqual(e.Key))
                    {
                        _mismatches++;
                    }
                }
            }
        }
    }
}
