using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>A key fetched through the gateway protects telemetry that the central server opens with its copy of the stream.</summary>
public sealed class EndToEndTelemetryTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Central_Server_Decrypts_Telemetry_Under_A_Gateway_Issued_Key(int level)
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(8);
        var reading = "t=21.5;rh=40;seq=7"u8.ToArray();
        h.Request(103, 1, level, TelemetryModes.RequiredKeyBits(level, reading.Length));
        h.EndSlot();
        var served = Assert.Single(h.AllKeys());

        var frame = h.Sensors[103].BuildTelemetry(served.Range, served.Key, level, reading);

        // The central server: key id from the header, key bytes from its own copy of the stream (peer 0 = CS).
        var header = TelemetryCodec.ReadHeader(frame, 0, frame.Length);
        var csKey = KeyStreamModel.Bytes(header.Key.PeerId, header.Key.Offset, header.Key.Length);
        var opened = new TelemetryCodec(h.Crypto).Open(frame, 0, frame.Length, csKey);
        Assert.True(opened.IsOk, opened.Message);
        Assert.Equal(reading, opened.Plaintext);
        Assert.Equal(TelemetryModes.ForLevel(level), header.Mode);
    }
}
