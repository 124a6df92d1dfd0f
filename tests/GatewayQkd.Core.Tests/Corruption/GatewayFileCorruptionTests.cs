using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Core.Tests.Gateway;
using GatewayQkd.TestSupport;
using Xunit.Abstractions;

namespace GatewayQkd.Core.Tests.Corruption;

/// <summary>
/// Every single-bit flip and every truncation of the gateway's own state files outside the pool: the upstream replay
/// marks (<c>rg-upstream</c> and its mirror <c>rg-upstream.m</c>) and the send counter reservation (<c>sc-gateway</c>
/// and <c>sc-gateway.m</c>). In every case the gateway starts, refuses every central-server frame it accepted before,
/// accepts the next fresh one, never sends a counter value twice (the central server and the sensors open every new
/// frame), serves a key request in the first slot after the restart, and never issues a key byte twice or from
/// anything but the stream. The same checks run on every damage of the two pool snapshot slots as the gateway sees them
/// (their attachment holds the sensors' replay marks): a damaged newest slot falls back to the older slot's marks, so
/// exactly the requests admitted after the older commit are accepted once more, and answered with fresh key bytes.
/// </summary>
public sealed class GatewayFileCorruptionTests(ITestOutputHelper output)
{
    // Every damage of one copy: 8 bits per byte flipped one at a time, and a cut at each length 0 .. length - 1.
    private static int CasesFor(int fileLength) => (fileLength * 8) + fileLength;

    [Fact]
    public void Damaged_Upstream_Replay_Marks_Never_Let_An_Old_Central_Server_Frame_In()
    {
        var cases = RunAll(GatewayService.UpstreamReplayFile, GatewayService.UpstreamReplayMirrorFile);

        Assert.Equal(2 * CasesFor(5 + 6 + 4), cases); // 'R' 'G' 2 count, one sender (authority 0), CRC-32: 15 bytes a copy
    }

    [Fact]
    public void Damaged_Send_Counter_Files_Never_Make_The_Gateway_Reuse_A_Counter()
    {
        var cases = RunAll(GatewayService.SendCounterFile, GatewayService.SendCounterMirrorFile);

        Assert.Equal(2 * CasesFor(7 + 4), cases); // 'S' 'C' 2 reserved u32, CRC-32: 11 bytes a copy
    }

    [Fact]
    public void Damaged_Snapshot_Slots_Fall_Back_To_The_Older_Marks_Accepting_Only_The_Last_Commits_Requests_Again_And_Never_A_Key_Twice()
    {
        var template = Scenario.Build();
        var slots = template.Harness.Memory.ListFiles().Where(n => n.StartsWith("qkp.s", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var cases = 0;
        var accepted = 0;
        foreach (var name in slots)
        {
            foreach (var (label, content) in FileDamage.All(template.Harness.Memory.Read(name)))
            {
                cases++;
                var scenario = Scenario.Build();
                scenario.Damage(name, content);
                var problem = Check(scenario, ref accepted);
                if (problem is not null)
                {
                    failures.Add($"{name} {label}: {problem}");
                }
            }
        }

        output.WriteLine($"{cases} damaged-snapshot cases, {accepted} request frames accepted again, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        // Version 2 slots of one peer (14 + 38 bytes) with the slot record (2, 'G' 'S' 1 reservation u32, then the marks
        // table 5 + 6 per sensor): two sensors in the older, three in the newest.
        var older = CasesFor(14 + 38 + 2 + 7 + 5 + (2 * 6));
        var newest = CasesFor(14 + 38 + 2 + 7 + 5 + (3 * 6));
        Assert.Equal(older + newest, cases);
        Assert.Equal(newest, accepted); // request 3, once in each case that damaged the newest slot, never otherwise
    }

    [Fact]
    public void A_Damaged_Counter_Copy_Resumes_Exactly_Above_The_Reservation_Skipping_No_Counter_Space()
    {
        var scenario = Scenario.Build();
        var expected = scenario.ExpectedResume(); // just above the reservations, both snapshot slots intact
        scenario.Damage(GatewayService.SendCounterFile, [(byte)'S', (byte)'C', 2, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]); // a raised value with a wrong CRC

        scenario.Harness.Reboot(scenario.Harness.Memory);

        Assert.Equal(expected, scenario.Sent().Skip(scenario.SentBefore.Count).Min());
        Assert.Equal(scenario.Harness.Memory.Read(GatewayService.SendCounterMirrorFile), scenario.Harness.Memory.Read(GatewayService.SendCounterFile)); // repaired before use
    }

    [Theory]
    [InlineData(GatewayService.UpstreamReplayFile, GatewayService.UpstreamReplayMirrorFile)]
    [InlineData(GatewayService.SendCounterFile, GatewayService.SendCounterMirrorFile)]
    public void Both_Copies_Damaged_Refuse_To_Start_Naming_Both_Files_And_Change_Nothing(string primary, string mirror)
    {
        var scenario = Scenario.Build();
        scenario.Damage(primary, scenario.Harness.Memory.Read(primary)[..3]);
        scenario.Damage(mirror, []);
        var before = scenario.Harness.Memory.Clone();

        var error = Assert.Throws<InvalidOperationException>(() => scenario.Harness.Reboot(scenario.Harness.Memory));

        Assert.Contains($"'{primary}' and its mirror '{mirror}' hold no valid copy", error.Message, StringComparison.Ordinal);
        foreach (var name in before.ListFiles())
        {
            Assert.Equal(before.Read(name), scenario.Harness.Memory.Read(name));
        }
    }

    private int RunAll(params string[] files)
    {
        var failures = new List<string>();
        var cases = 0;
        var template = Scenario.Build();
        foreach (var name in files)
        {
            foreach (var (label, content) in FileDamage.All(template.Harness.Memory.Read(name)))
            {
                cases++;
                var problem = Check(name, content);
                if (problem is not null)
                {
                    failures.Add($"{name} {label}: {problem}");
                }
            }
        }

        output.WriteLine($"{cases} damaged-file cases, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        return cases;
    }

    private static string? Check(string damaged, byte[] content)
    {
        var scenario = Scenario.Build();
        scenario.Damage(damaged, content);
        var accepted = 0;
        return Check(scenario, ref accepted) ?? (accepted == 0 ? null : $"{accepted} request frames accepted again");
    }

    // Restarts the damaged scenario and checks every promise; counts the old request frames the gateway accepted again.
    private static string? Check(Scenario scenario, ref int acceptedAgain)
    {
        var h = scenario.Harness;
        var expectedStart = scenario.ExpectedResume();
        try
        {
            h.Reboot(h.Memory);
        }
        catch (Exception e)
        {
            return "start refused: " + e.GetType().Name + ": " + e.Message;
        }

        foreach (var frame in scenario.UpstreamBefore)
        {
            var status = h.Service.HandleMessage(Topics.Blocks(GatewayHarness.GatewayId), frame);
            if (status == FrameStatus.Ok)
            {
                return "an old central-server frame was accepted again";
            }
        }

        foreach (var (topic, frame) in scenario.RequestsBefore)
        {
            if (h.Service.HandleMessage(topic, frame) == FrameStatus.Ok)
            {
                if (!scenario.LastCommit.Any(c => c.Frame == frame))
                {
                    return "a request frame answered before the older snapshot was accepted again";
                }

                acceptedAgain++;
            }
        }

        var block = h.NextBlockFrame(0);
        if (h.Service.HandleMessage(Topics.Blocks(GatewayHarness.GatewayId), block) != FrameStatus.Ok)
        {
            return "a fresh central-server frame was refused";
        }

        if (h.Request(102, 7, 2, 256) != FrameStatus.Ok)
        {
            return "a fresh key request was refused";
        }

        h.EndSlot(); // the first slot after the restart
        if (!h.Received[102].Any(r => r.HasKey))
        {
            return "no key served in the first slot after the restart";
        }

        var sent = scenario.Sent();
        if (sent.Count != sent.Distinct().Count())
        {
            return "a send counter value was used twice";
        }

        var resumedAt = sent.Skip(scenario.SentBefore.Count).Min();
        if (resumedAt != expectedStart)
        {
            return $"numbering resumed at {resumedAt}, expected {expectedStart}"; // below: a lost reservation; above: a damaged value trusted
        }

        var refused = scenario.OpenAtAuthority();
        if (refused is not null)
        {
            return refused;
        }

        var keys = h.AllKeys().ToList(); // the sensors' results over both boots
        foreach (var key in keys)
        {
            if (!key.Key.SequenceEqual(KeyStreamModel.Bytes(key.Range.PeerId, key.Range.Offset, key.Range.Length)))
            {
                return $"key {key.Range} differs from the stream";
            }
        }

        var ranges = keys.Select(k => k.Range).OrderBy(r => r.Offset).ToList();
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Offset < ranges[i - 1].End)
            {
                return $"keys {ranges[i - 1]} and {ranges[i]} share bytes";
            }
        }

        return null;
    }

    // A gateway that took four blocks from the central server, served three keys and sent acks, resyncs and
    // responses, then stopped; the files on its flash are what each case damages before the restart.
    private sealed class Scenario
    {
        private Scenario(GatewayHarness harness)
        {
            Harness = harness;
        }

        public GatewayHarness Harness { get; }

        public List<byte[]> UpstreamBefore { get; } = [];

        /// <summary>Gets the sensors' request frames the gateway accepted before the restart, with their topics.</summary>
        public List<(string Topic, byte[] Frame)> RequestsBefore { get; } = [];

        /// <summary>Gets the request frames whose marks only the newest snapshot slot holds (admitted after the older one).</summary>
        public List<(string Topic, byte[] Frame)> LastCommit { get; } = [];

        public List<uint> SentBefore { get; private set; } = [];

        public uint ReservedBefore { get; private set; }

        public static Scenario Build()
        {
            // A chunk of 2: each slot's answers need a reservation of their own, committed in the slot's snapshot.
            var scenario = new Scenario(new GatewayHarness(c => c.CounterChunk = 2));
            var h = scenario.Harness;
            h.DeliverBlocks(4);
            scenario.Request(101, 1, 1, 128);
            scenario.Request(103, 2, 2, 256);
            h.EndSlot(); // commit 1: the keys of requests 1 and 2, and their marks
            scenario.Request(104, 3, 1, 128);
            h.EndSlot(); // commit 2, into the other snapshot slot: request 3
            scenario.LastCommit.Add(scenario.RequestsBefore[^1]);
            Assert.Equal(3, h.AllKeys().Count());
            Assert.Null(scenario.OpenAtAuthority());
            scenario.UpstreamBefore.AddRange(h.Bus.PublishedOn(Topics.Blocks(GatewayHarness.GatewayId)).Select(m => m.Payload));
            scenario.SentBefore = scenario.Sent();
            scenario.ReservedBefore = scenario.Reservation();
            return scenario;
        }

        public void Request(ushort sensor, uint requestId, int kSec, int kQuaBits)
        {
            var topic = Topics.Request(GatewayHarness.GatewayId, sensor);
            var frame = Harness.Sensors[sensor].BuildKeyRequest(requestId, 0, kSec, kQuaBits);
            Assert.Equal(FrameStatus.Ok, Harness.Service.HandleMessage(topic, frame));
            RequestsBefore.Add((topic, frame));
        }

        public void Damage(string name, byte[] content) => Harness.Memory.SetRaw(name, content);

        public uint Reservation() => GatewayQkd.Core.Crypto.Bytes.ReadUInt32BigEndian(Harness.Memory.Read(GatewayService.SendCounterFile), 3);

        // The counter the restarted gateway must use first, from the (damaged) flash: just above the higher of the
        // undamaged counter file's reservation and the reservation in the snapshot recovery keeps, plus one slot
        // commit's bound when recovery drops a snapshot slot (the dropped one may have carried a higher reservation).
        public uint ExpectedResume()
        {
            var pool = GatewayQkd.Core.Pool.KeyPool.Open(Harness.Memory.Clone());
            var snapshot = pool.Attachment is { } a && a[0] == (byte)'G' ? GatewayQkd.Core.Crypto.Bytes.ReadUInt32BigEndian(a, 3) : 0u;
            var dropped = pool.LastRecovery.DroppedFiles.Any(GatewayQkd.Core.Pool.KeyPool.IsSnapshotFile);
            return Math.Max(ReservedBefore, snapshot) + (dropped ? GatewayService.SlotReservationBound(Harness.Config) : 0) + 1;
        }

        // The counters of every frame the gateway published, over all its restarts (each boot has a new bus).
        public List<uint> Sent()
        {
            _sent.AddRange(Harness.Bus.Published
                .Where(m => m.Sender == "gateway" && _seen.Add(m.Payload))
                .Select(m => FrameHeader.ReadFrom(new FrameReader(m.Payload, 0, m.Payload.Length)).Counter));
            return [.. _sent];
        }

        // The central server's side: opens each frame the gateway sent it since the last call (acks, resyncs, status,
        // supplements) with its persistent replay guard; returns why one was refused, or null. The sensors open theirs.
        public string? OpenAtAuthority()
        {
            foreach (var message in Harness.Bus.Published.Where(m => m.Sender == "gateway" && !m.Topic.Contains("/resp/", StringComparison.Ordinal) && _opened.Add(m.Payload)))
            {
                var opened = Harness.Hap.Open(message.Payload);
                if (!opened.IsOk)
                {
                    return $"the central server refused the gateway's frame on {message.Topic}: {opened.Status} {opened.Message}";
                }
            }

            return null;
        }

        private readonly HashSet<byte[]> _opened = new(ReferenceEqualityComparer.Instance);
        private readonly List<uint> _sent = [];
        private readonly HashSet<byte[]> _seen = new(ReferenceEqualityComparer.Instance);
    }
}
