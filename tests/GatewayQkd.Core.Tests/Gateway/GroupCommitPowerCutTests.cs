using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;
using Xunit.Abstractions;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// The batched request path loses power at every commit point (group commits of reserved keys and staged replay
/// marks, block rewrites and deletes, an admission answer's commit, block ingests, send-counter reservations), before,
/// after or torn, optionally a second time at the first commit point after the reboot; the gateway restarts on what
/// survived, every request frame sent so far is replayed, and it keeps serving. Checked: a frame whose answer anyone
/// saw is always refused as a replay; a frame is answered with a key at most once; every key delivered is the
/// stream's bytes and no two delivered keys share a byte; after the next slot commit every frame ever sent is refused.
/// Each case runs twice: storage calls made on the gateway's thread, and pipelined (the host's PipelinedKeyStorage with
/// DurableMessageBus: calls made on a storage thread while the gateway goes on, messages held until the calls before
/// them returned), whose cut points are the same calls in the same order.
/// </summary>
public sealed class GroupCommitPowerCutTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(CutOutcome.Before, null, false)]
    [InlineData(CutOutcome.After, null, false)]
    [InlineData(CutOutcome.Torn, null, false)]
    [InlineData(CutOutcome.After, CutOutcome.After, false)]
    [InlineData(CutOutcome.Before, CutOutcome.Torn, false)]
    [InlineData(CutOutcome.Torn, CutOutcome.Before, false)]
    [InlineData(CutOutcome.Before, null, true)]
    [InlineData(CutOutcome.After, null, true)]
    [InlineData(CutOutcome.Torn, null, true)]
    [InlineData(CutOutcome.After, CutOutcome.After, true)]
    [InlineData(CutOutcome.Before, CutOutcome.Torn, true)]
    [InlineData(CutOutcome.Torn, CutOutcome.Before, true)]
    public void No_Replay_Is_Accepted_And_No_Key_Is_Delivered_Twice_Whatever_Commit_The_Power_Fails_At(CutOutcome first, CutOutcome? second, bool pipelined)
    {
        var points = CommitPointsOfStretch(pipelined);
        Assert.True(points >= 12, $"the batched stretch should reach many commit points, got {points}");
        var replaysAcceptedOnce = 0;
        var secondCuts = 0;

        for (var point = 1; point <= points; point++)
        {
            var run = new CutRun(pipelined);
            run.Flash.ArmCut(run.Flash.CommitPoints + point, first);
            try
            {
                Stretch(run);
            }
            catch (PowerCutException)
            {
                run.DeliverWhatWasPublished(); // power lost inside the stretch
            }

            Assert.True(run.Flash.IsCut, $"cut point {point} was not reached");
            var context = $"cut {point} ({first}, then {second?.ToString() ?? "none"}{(pipelined ? ", pipelined" : "")})";
            run.Reboot(second);
            replaysAcceptedOnce += run.ReplayEverything(context);
            run.Continue();
            secondCuts += run.Cuts - 1;

            run.CheckKeys(context);
            run.CheckEveryFrameIsNowRefused(context);
        }

        if (second is not null)
        {
            Assert.True(secondCuts > points / 2, $"only {secondCuts} of {points} runs met a second cut");
        }

        output.WriteLine($"{first} then {second?.ToString() ?? "none"}{(pipelined ? ", pipelined" : "")}: {points} cut points, {secondCuts} second cuts, {replaysAcceptedOnce} unanswered frames acted on once after the reboot");
    }

    private static int CommitPointsOfStretch(bool pipelined)
    {
        var run = new CutRun(pipelined);
        var before = run.Flash.CommitPoints;
        Stretch(run);
        return run.Flash.CommitPoints - before;
    }

    // Three slots of several requests each: block boundaries crossed (deletes and rewrites), an answer at admission
    // (K_sec 0), a request that must wait, and two block deliveries in between.
    private static void Stretch(CutRun run)
    {
        foreach (var sensor in GatewayHarness.SensorIds)
        {
            run.Send(sensor, 2, 256);
            run.Send(sensor, 1, 128);
        }

        run.Send(101, 0, 128);
        run.H.EndSlot();
        run.H.DeliverBlocks(2);
        foreach (var sensor in GatewayHarness.SensorIds)
        {
            run.Send(sensor, 1, 128);
        }

        run.Send(102, 3, 4096);
        run.H.EndSlot();
        foreach (var sensor in GatewayHarness.SensorIds)
        {
            run.Send(sensor, 1, 64);
        }

        run.H.EndSlot();
    }

    private sealed class CutRun
    {
        private readonly List<(ushort Sensor, uint RequestId, byte[] Frame)> _sent = [];
        private uint _nextRequest = 1;

        public CutRun(bool pipelined)
        {
            H = new GatewayHarness(c => c.CapacityBits = 16384, Flash, pipelined);
            H.DeliverBlocks(6);
        }

        public GatewayHarness H { get; }

        public PowerCutStorage Flash { get; private set; } = new();

        public int Cuts { get; private set; }

        public void Send(ushort sensor, int kSec, int kQuaBits)
        {
            var frame = H.Sensors[sensor].BuildKeyRequest(_nextRequest, 0, kSec, kQuaBits);
            _sent.Add((sensor, _nextRequest++, frame));
            H.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, sensor), frame);
        }

        /// <summary>What the gateway published before the power failed has left it: the sensors receive it.</summary>
        public void DeliverWhatWasPublished()
        {
            H.HandOverReleased();
            while (H.Bus.PendingCount > 0)
            {
                try
                {
                    H.Bus.DeliverPending();
                }
                catch (PowerCutException)
                {
                    // a message for the dead gateway itself
                }
            }
        }

        // Power returns; with a second cut armed it fails again at the first commit point (recovery, start-up or later).
        public void Reboot(CutOutcome? second)
        {
            Cuts++;
            Flash = Flash.Reboot();
            if (second is { } outcome)
            {
                Flash.ArmCut(1, outcome);
            }

            try
            {
                H.Reboot(Flash);
            }
            catch (PowerCutException)
            {
                DeliverWhatWasPublished();
                Reboot(null);
            }

            H.NextBlock[0] = H.Service.Pool.NextBlockId(0); // the HAP resumes from the ack it last saw
        }

        /// <summary>Replays every frame sent so far; returns how many were accepted (allowed only for frames nobody saw answered).</summary>
        public int ReplayEverything(string context)
        {
            var accepted = 0;
            while (true)
            {
                try
                {
                    var answered = Answered();
                    foreach (var (sensor, requestId, frame) in _sent)
                    {
                        var status = H.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, sensor), frame);
                        if (answered.Contains((sensor, requestId)))
                        {
                            Assert.True(status == FrameStatus.Replayed, $"{context}: request {requestId} of {sensor} was answered before the cut, its replay got {status}");
                        }
                        else if (status == FrameStatus.Ok)
                        {
                            accepted++;
                        }
                    }

                    return accepted;
                }
                catch (PowerCutException)
                {
                    DeliverWhatWasPublished();
                    Reboot(null);
                }
            }
        }

        // More blocks and requests, and the slots that serve them (and any replay acted on); a second cut may land here.
        public void Continue()
        {
            while (true)
            {
                try
                {
                    H.DeliverBlocks(4);
                    foreach (var sensor in GatewayHarness.SensorIds)
                    {
                        Send(sensor, 1, 128);
                    }

                    H.EndSlot();
                    H.EndSlot();
                    return;
                }
                catch (PowerCutException)
                {
                    DeliverWhatWasPublished();
                    Reboot(null);
                }
            }
        }

        public void CheckKeys(string context)
        {
            var keys = H.Received.Values.SelectMany(r => r).Where(r => r.HasKey).ToList();
            Assert.NotEmpty(keys);
            foreach (var perRequest in keys.GroupBy(k => k.Response.RequestId))
            {
                Assert.True(perRequest.Count() == 1, $"{context}: request {perRequest.Key} got {perRequest.Count()} keys");
            }

            for (var i = 0; i < keys.Count; i++)
            {
                Assert.Equal(KeyStreamModel.Bytes(0, keys[i].Range.Offset, keys[i].Range.Length), keys[i].Key);
                for (var j = i + 1; j < keys.Count; j++)
                {
                    Assert.False(keys[i].Range.Overlaps(keys[j].Range), $"{context}: {keys[i].Range} and {keys[j].Range} overlap");
                }
            }
        }

        public void CheckEveryFrameIsNowRefused(string context)
        {
            H.Reboot(Flash.Reboot()); // and only durable marks count
            foreach (var (sensor, requestId, frame) in _sent)
            {
                var status = H.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, sensor), frame);
                Assert.True(status == FrameStatus.Replayed, $"{context}: request {requestId} of {sensor} replayed after the final commit got {status}");
            }
        }

        private HashSet<(ushort, uint)> Answered() =>
            [.. H.Received.SelectMany(p => p.Value.Where(r => r.Response is not null).Select(r => (p.Key, r.Response.RequestId)))];
    }
}
