using System.Globalization;
using System.Text;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Vectors;

/// <summary>
/// tests/vectors/codec-vectors.txt: one sealed frame of each type the gateway receives or sends, built by the core's
/// codec from fixed inputs with the host's crypto. The on-device tests open and re-seal each frame on the board's
/// native crypto and must get the same bytes, which shows the device and the host speak the same wire format. Here the
/// file must equal what the codec builds now (a deliberate wire-format change regenerates it:
/// GATEWAYQKD_WRITE_CODEC_VECTORS=1 dotnet test --filter CodecVectorFileTests) and each frame must open and re-seal.
/// </summary>
public class CodecVectorFileTests
{
    private static readonly byte[] AuthorityPairKey = Sequence(0x00, 32);
    private static readonly byte[] SensorPairKey = Sequence(0x20, 32);
    private readonly BoardCryptoPrimitives _crypto = new();

    [Fact]
    public void Vector_File_Holds_The_Frames_The_Codec_Builds()
    {
        var expected = Render();
        var path = RepositoryPaths.Of("tests/vectors/codec-vectors.txt");
        if (Environment.GetEnvironmentVariable("GATEWAYQKD_WRITE_CODEC_VECTORS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_Vector_Opens_And_Reseals_To_The_Same_Bytes()
    {
        foreach (var (name, sender, recipient, pairKey, frame) in Cases())
        {
            var keys = new PeerKeyTable(_crypto);
            keys.Add(sender, pairKey);
            var opener = new FrameOpener(recipient, _crypto, keys, new ReplayGuard(new InMemoryKeyStorage(), "rg"), AllTypes);

            var opened = opener.Open(frame, 0, frame.Length);
            Assert.True(opened.IsOk, name + ": " + opened.Message);
            var resealed = new FrameSealer(_crypto).Seal(opened.Body, opened.Header.SenderId, opened.Header.RecipientId, opened.Header.Counter, opened.Keys);

            Assert.Equal(frame, resealed);
        }
    }

    private static FrameType[] AllTypes =>
        [FrameType.KeyRequest, FrameType.KeyResponse, FrameType.KeyBlockDelivery, FrameType.BlockAck, FrameType.SupplementRequest, FrameType.GatewayStatus];

    private string Render()
    {
        var text = new StringBuilder();
        text.Append("# GatewayQkd codec vectors: one sealed frame per frame type, built by the core's codec (firmware/Core/Protocol)\n");
        text.Append("# from fixed inputs with the host crypto; written by tests/GatewayQkd.Core.Tests/Vectors/CodecVectorFileTests.cs\n");
        text.Append("# (GATEWAYQKD_WRITE_CODEC_VECTORS=1 regenerates it after a deliberate wire-format change). Read by that test and\n");
        text.Append("# by the on-device tests (tests/GatewayQkd.Device.Tests/CodecVectorTests.cs), which open and re-seal each frame.\n");
        text.Append("# Format as crypto-vectors.txt: suite|case|name=hex|...; sender and recipient are 2-byte big-endian ids,\n");
        text.Append("# key is the 32-byte pair key of sender and recipient (FrameKeys.Derive), frame the whole sealed frame.\n");
        foreach (var (name, sender, recipient, pairKey, frame) in Cases())
        {
            text.Append(CultureInfo.InvariantCulture, $"frame|{name}|sender={sender:x4}|recipient={recipient:x4}|key={Hex.Encode(pairKey)}|frame={Hex.Encode(frame)}\n");
        }

        return text.ToString();
    }

    private IEnumerable<(string Name, ushort Sender, ushort Recipient, byte[] PairKey, byte[] Frame)> Cases()
    {
        var sealer = new FrameSealer(_crypto);
        var authority = FrameKeys.Derive(_crypto, AuthorityPairKey);
        var sensor = FrameKeys.Derive(_crypto, SensorPairKey);
        yield return ("key-block", 0, 9, AuthorityPairKey, sealer.Seal(new KeyBlockMessage(0, 0, 0, Sequence(0x40, 32)), 0, 9, 1, authority));
        yield return ("block-ack", 9, 0, AuthorityPairKey, sealer.Seal(new BlockAckMessage(0, 0, BlockAckResult.Stored, 1, 256), 9, 0, 2, authority));
        yield return ("supplement", 9, 0, AuthorityPairKey, sealer.Seal(new SupplementMessage(0, 1, 256, 512, 4096, 256, 2, 3.25), 9, 0, 3, authority));
        yield return ("status", 9, 0, AuthorityPairKey, sealer.Seal(new GatewayStatusMessage(123456, 2, 3, [new PeerLevel(0, 512, 5120)], [1, 2, 3]), 9, 0, 4, authority));
        yield return ("key-request", 101, 9, SensorPairKey, sealer.Seal(new KeyRequestMessage(7, 0, 2, 256), 101, 9, 5, sensor));
        yield return ("key-response", 9, 101, SensorPairKey, sealer.Seal(KeyResponseMessage.Served(7, 0, 0, Sequence(0x60, 32)), 9, 101, 6, sensor));
        yield return ("key-response-refused", 9, 101, SensorPairKey, sealer.Seal(KeyResponseMessage.NotServed(8, KeyResponseStatus.Rejected, KeyResponseReason.QueueFull), 9, 101, 7, sensor));
    }

    private static byte[] Sequence(int first, int length) => Enumerable.Range(first, length).Select(i => (byte)i).ToArray();
}
