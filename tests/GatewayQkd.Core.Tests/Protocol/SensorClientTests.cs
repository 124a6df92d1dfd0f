using GatewayQkd.Adapters;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>The sensor accepts only authentic, fresh responses from its gateway and unwraps the key they carry.</summary>
public sealed class SensorClientTests
{
    private const ushort Sensor = 101;
    private const ushort Gateway = 7;

    private static readonly BoardCryptoPrimitives Crypto = new();
    private static readonly byte[] DeviceKey = Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray();
    private readonly InMemoryKeyStorage _flash = new();
    private readonly SensorClient _client;
    private uint _gatewayCounter;

    public SensorClientTests() => _client = new SensorClient(Sensor, Gateway, DeviceKey, Crypto, _flash, 16);

    [Fact]
    public void Unwraps_The_Key_The_Gateway_Wrapped()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray();

        var result = _client.OpenKeyResponse(Served(key, Sensor));

        Assert.True(result.HasKey, result.Message);
        Assert.Equal(key, result.Key);
        Assert.Equal(new KeyRange(0, 320, 32), result.Range);
    }

    [Fact]
    public void Request_Frame_Opens_At_The_Gateway_With_Its_Fields()
    {
        var keys = new PeerKeyTable(Crypto);
        keys.Add(Sensor, DeviceKey);
        var gateway = new FrameOpener(Gateway, Crypto, keys, new ReplayGuard(new InMemoryKeyStorage(), "rg"), [FrameType.KeyRequest]);

        var opened = gateway.Open(_client.BuildKeyRequest(77, 0, 4, 1024), 0, KeyRequestMessage.Length + 44);

        var request = Assert.IsType<KeyRequestMessage>(opened.Body);
        Assert.Equal((77u, 4, 1024), (request.RequestId, request.KSec, request.KQuaBits));
    }

    [Fact]
    public void Rejects_Response_Under_Another_Device_Key()
    {
        var other = FrameKeys.Derive(Crypto, new byte[32]);
        var frame = new FrameSealer(Crypto).Seal(KeyResponseMessage.NotServed(1, KeyResponseStatus.Waiting, KeyResponseReason.PoolLow), Gateway, Sensor, 1, other);

        Assert.Equal(FrameStatus.BadTag, _client.OpenKeyResponse(frame).Status);
    }

    [Fact]
    public void Rejects_Response_Meant_For_Another_Sensor()
    {
        Assert.Equal(FrameStatus.WrongRecipient, _client.OpenKeyResponse(Served(new byte[16], 102)).Status);
    }

    [Fact]
    public void Rejects_Replayed_Response_Also_After_A_Sensor_Restart()
    {
        var frame = Served(new byte[16], Sensor);
        Assert.True(_client.OpenKeyResponse(frame).HasKey);
        Assert.Equal(FrameStatus.Replayed, _client.OpenKeyResponse(frame).Status);

        var restarted = new SensorClient(Sensor, Gateway, DeviceKey, Crypto, _flash, 16);

        Assert.Equal(FrameStatus.Replayed, restarted.OpenKeyResponse(frame).Status);
    }

    [Fact]
    public void Telemetry_Erases_The_Key_It_Used()
    {
        var key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

        _client.BuildTelemetry(new KeyRange(0, 0, 16), key, 1, "t=1"u8.ToArray());

        Assert.All(key, b => Assert.Equal(0, b));
    }

    private byte[] Served(byte[] key, ushort recipient)
    {
        var keys = FrameKeys.Derive(Crypto, DeviceKey);
        var counter = ++_gatewayCounter;
        var salt = Enumerable.Range((int)counter, KeyWrap.SaltLength).Select(i => (byte)i).ToArray();
        var wrapped = new KeyWrap(Crypto).Apply(keys, FrameType.KeyResponse, Gateway, recipient, counter, salt, key);
        return new FrameSealer(Crypto).Seal(KeyResponseMessage.Served(1, 0, 320, salt, wrapped), Gateway, recipient, counter, keys);
    }
}
