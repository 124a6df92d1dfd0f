using GatewayQkd.Adapters;
using GatewayQkd.Core.Ports;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// The host's pipelined group commit (PipelinedKeyStorage, DurableMessageBus): calls reach the real storage in the
/// caller's order, a message leaves only after every call made before it returned there, nothing happens after a
/// failed call, and reads see every earlier call. The power-cut proof of the whole gateway on it is
/// GroupCommitPowerCutTests (pipelined cases). No test here waits on time: a storage call held at a gate is what
/// shows that a message has not left.
/// </summary>
public sealed class PipelinedKeyStorageTests
{
    [Fact]
    public void A_Message_Published_After_A_Write_Leaves_Only_Once_The_Write_Has_Returned_On_The_Storage()
    {
        var flash = new GatedStorage();
        using var pipeline = new PipelinedKeyStorage(flash);
        var sent = new RecordingBus();
        var bus = new DurableMessageBus(sent, pipeline);

        pipeline.Write("qkp.s1", [1, 2, 3], 0, 3);
        bus.Publish("qkd/gn/7/resp/101", [9]);
        flash.WaitUntilHeld();

        try
        {
            Assert.Empty(sent.Topics); // the write is held inside the storage, so its answer must still be held too
        }
        finally
        {
            flash.Release(); // also when the assertion fails: the storage thread must not stay held
        }

        pipeline.Drain();
        Assert.Equal(["qkd/gn/7/resp/101"], sent.Topics);
    }

    [Fact]
    public void Messages_Leave_In_The_Order_They_Were_Published()
    {
        var flash = new InMemoryKeyStorage();
        using var pipeline = new PipelinedKeyStorage(flash);
        var sent = new RecordingBus();
        var bus = new DurableMessageBus(sent, pipeline);

        for (var i = 0; i < 50; i++)
        {
            bus.Publish("t/" + i, [(byte)i]);
            pipeline.Write("f" + (i % 3), [(byte)i], 0, 1);
        }

        pipeline.Drain();
        Assert.Equal(Enumerable.Range(0, 50).Select(i => "t/" + i), sent.Topics);
    }

    [Fact]
    public void Reads_See_Every_Call_Made_Before_Them()
    {
        using var pipeline = new PipelinedKeyStorage(new InMemoryKeyStorage());

        pipeline.Write("a", [1, 2], 0, 2);
        pipeline.Rewrite("a", [3], 0, 1);
        pipeline.Write("b", [4], 0, 1);
        pipeline.Delete("b");

        Assert.Equal([3], pipeline.Read("a"));
        Assert.False(pipeline.Exists("b"));
        Assert.Equal(["a"], pipeline.ListFiles());
    }

    [Fact]
    public void The_Bytes_Written_Are_Those_Of_The_Call_Even_If_The_Caller_Erases_Its_Array_At_Once()
    {
        var flash = new GatedStorage();
        using var pipeline = new PipelinedKeyStorage(flash);
        byte[] block = [5, 6, 7, 8];

        pipeline.Write("held", [0], 0, 1);
        flash.WaitUntilHeld();
        try
        {
            pipeline.Rewrite("kb0_1", block, 1, 2);
            Array.Clear(block); // as BlockFileFormat erases the encoded block file once the call returned
        }
        finally
        {
            flash.Release();
        }

        Assert.Equal([6, 7], pipeline.Read("kb0_1"));
    }

    [Fact]
    public void After_A_Failed_Call_No_Later_Call_Or_Message_Happens_And_Every_Call_Throws_The_Failure()
    {
        var flash = new FailingStorage(failAtCall: 2);
        using var pipeline = new PipelinedKeyStorage(flash);
        var sent = new RecordingBus();
        var bus = new DurableMessageBus(sent, pipeline);

        pipeline.Write("one", [1], 0, 1);
        bus.Publish("after-one", [1]);
        pipeline.Write("two", [2], 0, 1); // fails on the storage
        MadeOrRefused(() => bus.Publish("after-two", [2])); // refused at once if the storage thread has failed by now
        MadeOrRefused(() => pipeline.Write("three", [3], 0, 1));

        Assert.Throws<IOException>(pipeline.Drain);
        Assert.Equal(["one"], flash.Inner.ListFiles());
        Assert.Equal(["after-one"], sent.Topics);
        Assert.Throws<IOException>(() => pipeline.Write("four", [4], 0, 1));
        Assert.Throws<IOException>(() => pipeline.Exists("one"));
        Assert.Throws<IOException>(() => bus.Publish("late", [5]));
        Assert.Equal(["one"], flash.Inner.ListFiles());
    }

    [Fact]
    public void A_Publish_The_Bus_Refuses_Is_Counted_And_Leaves_The_Storage_Working()
    {
        using var pipeline = new PipelinedKeyStorage(new InMemoryKeyStorage());
        var bus = new DurableMessageBus(new RefusingBus(), pipeline);

        bus.Publish("refused", [1]);
        pipeline.Write("a", [1], 0, 1);
        pipeline.Drain();

        Assert.Equal(1, bus.FailedPublishes);
        Assert.True(pipeline.Exists("a"));
    }

    [Fact]
    public void A_Bad_Range_Is_Refused_At_The_Call_And_Queues_Nothing()
    {
        using var pipeline = new PipelinedKeyStorage(new InMemoryKeyStorage());

        Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Write("a", [1, 2], 1, 2));
        Assert.Throws<ArgumentNullException>(() => pipeline.Write("a", null!, 0, 0));

        Assert.Equal(0, pipeline.Queued);
        Assert.Empty(pipeline.ListFiles());
    }

    // A call after the failing one is queued (and then dropped) or, once the storage thread has failed, refused with the failure.
    private static void MadeOrRefused(Action call)
    {
        try
        {
            call();
        }
        catch (IOException e)
        {
            Assert.Equal("disk full", e.Message);
        }
    }

    // Storage whose first Write waits for Release: the test knows that call has not returned.
    private sealed class GatedStorage : IKeyStorage
    {
        private readonly InMemoryKeyStorage _inner = new();
        private readonly ManualResetEventSlim _held = new();
        private readonly ManualResetEventSlim _release = new();
        private bool _gated;

        public void WaitUntilHeld() => Assert.True(_held.Wait(TimeSpan.FromMinutes(2)), "the storage thread never made the first write");

        public void Release() => _release.Set();

        public string[] ListFiles() => _inner.ListFiles();

        public bool Exists(string name) => _inner.Exists(name);

        public byte[] Read(string name) => _inner.Read(name);

        public void Write(string name, byte[] data, int offset, int count)
        {
            if (!_gated)
            {
                _gated = true;
                _held.Set();
                _release.Wait();
            }

            _inner.Write(name, data, offset, count);
        }

        public void Append(string name, byte[] data, int offset, int count) => _inner.Append(name, data, offset, count);

        public void Rewrite(string name, byte[] data, int offset, int count) => _inner.Rewrite(name, data, offset, count);

        public void Delete(string name) => _inner.Delete(name);
    }

    private sealed class FailingStorage(int failAtCall) : IKeyStorage
    {
        private int _calls;

        public InMemoryKeyStorage Inner { get; } = new();

        public string[] ListFiles() => Inner.ListFiles();

        public bool Exists(string name) => Inner.Exists(name);

        public byte[] Read(string name) => Inner.Read(name);

        public void Write(string name, byte[] data, int offset, int count)
        {
            if (++_calls == failAtCall)
            {
                throw new IOException("disk full");
            }

            Inner.Write(name, data, offset, count);
        }

        public void Append(string name, byte[] data, int offset, int count) => Write(name, data, offset, count);

        public void Rewrite(string name, byte[] data, int offset, int count) => Write(name, data, offset, count);

        public void Delete(string name) => Inner.Delete(name);
    }

    private sealed class RecordingBus : IMessageBus
    {
        private readonly List<string> _topics = [];

        public string[] Topics
        {
            get
            {
                lock (_topics)
                {
                    return [.. _topics];
                }
            }
        }

        public void Publish(string topic, byte[] payload)
        {
            lock (_topics)
            {
                _topics.Add(topic);
            }
        }

        public void Subscribe(string topicFilter)
        {
        }
    }

    private sealed class RefusingBus : IMessageBus
    {
        public void Publish(string topic, byte[] payload) => throw new IOException("broker gone");

        public void Subscribe(string topicFilter)
        {
        }
    }
}
