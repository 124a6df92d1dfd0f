using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>
/// The sensor state machine the sensor board and the emulated sensors both run (SensorClient.RequestKey and
/// HandleMessage): a request is published and kept open, the gateway's answer closes it, a key seals exactly one
/// reading, and anything that is not an authentic answer to an open request changes nothing.
/// </summary>
public sealed class SensorStateMachineTests
{
    private const ushort Sensor = 101;
    private const ushort Gateway = 7;
    private const int MaxReading = 48;

    private static readonly BoardCryptoPrimitives Crypto = new();
    private static readonly byte[] DeviceKey = Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray();
    private readonly LoopbackMessageBus _broker = new();
    private readonly FixedReadings _readings = new("t=21.50C"u8.ToArray());
    private readonly SensorClient _client;
    private uint _gatewayCounter;

    public SensorStateMachineTests() =>
        _client = new SensorClient(Sensor, Gateway, DeviceKey, Crypto, new InMemoryKeyStorage(), 16, _broker.Connect("sensor", null), _readings, MaxReading, 4);

    [Fact]
    public void Request_Is_Published_Authentic_And_Sized_For_One_Reading()
    {
        var requestId = _client.RequestKey(4, tag: 1234);

        var published = Assert.Single(_broker.PublishedOn(_client.RequestTopic));
        var request = OpenAtGateway(published.Payload);
        Assert.Equal((requestId, 4, TelemetryModes.RequiredKeyBits(4, MaxReading)), (request.RequestId, request.KSec, request.KQuaBits));
        Assert.Equal(SensorClient.CentralServerPeer, request.Destination);
        Assert.Equal(1, _client.Pending.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Level_Outside_1_To_5_Is_An_Error_And_Sends_Nothing(int level)
    {
        Assert.Throws<FrameFormatException>(() => _client.RequestKey(level, tag: 0));

        Assert.Empty(_broker.Published);
        Assert.Equal(0, _client.Pending.Count);
    }

    [Fact]
    public void Served_Key_Seals_One_Reading_The_Central_Server_Can_Open()
    {
        var requestId = _client.RequestKey(2, tag: 99);
        var key = Enumerable.Range(0, 32).Select(i => (byte)(7 * i)).ToArray();

        var outcome = _client.HandleMessage(_client.ResponseTopic, Served(requestId, (byte[])key.Clone()));

        Assert.Equal(SensorOutcomeKind.Served, outcome.Kind);
        Assert.Equal((requestId, 2, 99L), (outcome.RequestId, outcome.KSec, outcome.Tag));
        var telemetry = Assert.Single(_broker.PublishedOn(_client.TelemetryTopic)).Payload;
        var opened = new TelemetryCodec(Crypto).Open(telemetry, 0, telemetry.Length, key);
        Assert.True(opened.IsOk, opened.Message);
        Assert.Equal(_readings.Reading, opened.Plaintext);
        Assert.Equal(outcome.Range, _readings.KeyAsked);
        Assert.Equal(0, _client.Pending.Count);
    }

    [Fact]
    public void Delivered_Key_Is_Handed_Out_Before_Use_Then_Erased()
    {
        var requestId = _client.RequestKey(1, tag: 0);
        var key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        byte[]? seen = null;
        byte[]? handed = null;
        _client.KeyDelivered += (_, bytes) => { seen = (byte[])bytes.Clone(); handed = bytes; };

        _client.HandleMessage(_client.ResponseTopic, Served(requestId, (byte[])key.Clone()));

        Assert.Equal(key, seen);
        Assert.All(handed!, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Waiting_Keeps_The_Request_Open_Until_The_Key_Comes()
    {
        var requestId = _client.RequestKey(3, tag: 5);

        var waiting = _client.HandleMessage(_client.ResponseTopic, NotServed(requestId, KeyResponseStatus.Waiting, KeyResponseReason.PoolLow));
        var served = _client.HandleMessage(_client.ResponseTopic, Served(requestId, new byte[64]));

        Assert.Equal(SensorOutcomeKind.Waiting, waiting.Kind);
        Assert.Equal(SensorOutcomeKind.Served, served.Kind);
        Assert.Single(_broker.PublishedOn(_client.TelemetryTopic));
    }

    [Fact]
    public void Refusal_Closes_The_Request_And_Sends_Nothing()
    {
        var requestId = _client.RequestKey(3, tag: 5);

        var outcome = _client.HandleMessage(_client.ResponseTopic, NotServed(requestId, KeyResponseStatus.Rejected, KeyResponseReason.UnknownDestination));

        Assert.Equal(SensorOutcomeKind.Refused, outcome.Kind);
        Assert.Equal(0, _client.Pending.Count);
        Assert.Empty(_broker.PublishedOn(_client.TelemetryTopic));
    }

    [Fact]
    public void Key_For_A_Request_That_Is_Not_Open_Is_Ignored()
    {
        var requestId = _client.RequestKey(1, tag: 0);
        _client.HandleMessage(_client.ResponseTopic, Served(requestId, new byte[16]));

        var again = _client.HandleMessage(_client.ResponseTopic, Served(requestId, new byte[16]));

        Assert.Equal(SensorOutcomeKind.Unexpected, again.Kind);
        Assert.Single(_broker.PublishedOn(_client.TelemetryTopic));
    }

    [Fact]
    public void Forged_Response_Is_Rejected_And_The_Request_Stays_Open()
    {
        var requestId = _client.RequestKey(1, tag: 0);
        var forged = new FrameSealer(Crypto).Seal(KeyResponseMessage.NotServed(requestId, KeyResponseStatus.Rejected, KeyResponseReason.UnknownDestination), Gateway, Sensor, 1, FrameKeys.Derive(Crypto, new byte[32]));

        var outcome = _client.HandleMessage(_client.ResponseTopic, forged);

        Assert.Equal(SensorOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(1, _client.Pending.Count);
    }

    [Theory]
    [InlineData("qkd/gn/7/resp/102")]
    [InlineData("qkd/gn/8/resp/101")]
    [InlineData("not/a/topic")]
    public void Message_On_Another_Topic_Is_Not_Opened(string topic)
    {
        var requestId = _client.RequestKey(1, tag: 0);

        var outcome = _client.HandleMessage(topic, Served(requestId, new byte[16]));

        Assert.Equal(SensorOutcomeKind.NotForThisSensor, outcome.Kind);
        Assert.Equal(1, _client.Pending.Count);
    }

    [Fact]
    public void Full_Table_Gives_Up_The_Oldest_Request()
    {
        var oldest = _client.RequestKey(1, tag: 0);
        for (var i = 0; i < 4; i++)
        {
            _client.RequestKey(1, tag: 0);
        }

        Assert.Equal((4, 1L), (_client.Pending.Count, _client.Pending.Evicted));
        Assert.Equal(-1, _client.Pending.Find(oldest));
    }

    [Fact]
    public void Reading_Longer_Than_The_Maximum_Is_An_Error()
    {
        var client = new SensorClient(Sensor, Gateway, DeviceKey, Crypto, new InMemoryKeyStorage(), 16, _broker.Connect("s2", null), new FixedReadings(new byte[MaxReading + 1]), MaxReading, 4);
        var requestId = client.RequestKey(1, tag: 0);

        Assert.Throws<InvalidOperationException>(() => client.HandleMessage(client.ResponseTopic, Served(requestId, new byte[16])));
        Assert.Empty(_broker.PublishedOn(client.TelemetryTopic));
    }

    [Fact]
    public void Protocol_Only_Client_Has_No_State_Machine()
    {
        var client = new SensorClient(Sensor, Gateway, DeviceKey, Crypto, new InMemoryKeyStorage(), 16);

        Assert.Throws<InvalidOperationException>(() => client.RequestKey(1, 0));
    }

    private static KeyRequestMessage OpenAtGateway(byte[] frame)
    {
        var keys = new PeerKeyTable(Crypto);
        keys.Add(Sensor, DeviceKey);
        var gateway = new FrameOpener(Gateway, Crypto, keys, new ReplayGuard(new InMemoryKeyStorage(), "rg"), [FrameType.KeyRequest]);
        var opened = gateway.Open(frame, 0, frame.Length);
        Assert.True(opened.IsOk, opened.Message);
        return Assert.IsType<KeyRequestMessage>(opened.Body);
    }

    private byte[] Served(uint requestId, byte[] key)
    {
        var keys = FrameKeys.Derive(Crypto, DeviceKey);
        var counter = ++_gatewayCounter;
        var salt = Enumerable.Range((int)counter, KeyWrap.SaltLength).Select(i => (byte)i).ToArray();
        var wrapped = new KeyWrap(Crypto).Apply(keys, FrameType.KeyResponse, Gateway, Sensor, counter, salt, key);
        return new FrameSealer(Crypto).Seal(KeyResponseMessage.Served(requestId, 0, 320, salt, wrapped), Gateway, Sensor, counter, keys);
    }

    private byte[] NotServed(uint requestId, KeyResponseStatus status, KeyResponseReason reason) =>
        new FrameSealer(Crypto).Seal(KeyResponseMessage.NotServed(requestId, status, reason), Gateway, Sensor, ++_gatewayCounter, FrameKeys.Derive(Crypto, DeviceKey));

    private sealed class FixedReadings(byte[] reading) : ISensorReadings
    {
        public byte[] Reading { get; } = reading;

        public KeyRange? KeyAsked { get; private set; }

        public byte[] Read(KeyRange key)
        {
            KeyAsked = key;
            return (byte[])Reading.Clone();
        }
    }
}
