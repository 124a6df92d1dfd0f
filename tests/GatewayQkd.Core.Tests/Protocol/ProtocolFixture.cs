using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>A sender and a receiver sharing one pairwise key, with the receiver's replay state in (surviving) storage.</summary>
internal sealed class ProtocolFixture : IDisposable
{
    public const ushort SenderId = 501;
    public const ushort ReceiverId = 7;

    public ProtocolFixture(params FrameType[] accepted)
    {
        Storage = new InMemoryKeyStorage();
        Crypto = new BoardCryptoPrimitives(); // the ESP32's natives: the codec must run on them
        PairKey = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray();
        Keys = FrameKeys.Derive(Crypto, PairKey);
        Sealer = new FrameSealer(Crypto);
        Accepted = accepted.Length == 0 ? AllSealedTypes : accepted;
        Opener = NewOpener();
    }

    public static FrameType[] AllSealedTypes { get; } =
    [
        FrameType.KeyRequest, FrameType.KeyResponse, FrameType.KeyBlockDelivery,
        FrameType.BlockAck, FrameType.SupplementRequest, FrameType.GatewayStatus, FrameType.PoolResync,
        FrameType.KeyRelay, FrameType.SharedKeyRequest,
    ];

    public IKeyStorage Storage { get; }

    public ICryptoPrimitives Crypto { get; }

    public byte[] PairKey { get; }

    public FrameKeys Keys { get; }

    public FrameSealer Sealer { get; }

    public FrameType[] Accepted { get; }

    public FrameOpener Opener { get; private set; }

    /// <summary>Builds a fresh opener from storage, as a receiver does after a restart.</summary>
    public FrameOpener NewOpener()
    {
        var table = new PeerKeyTable(Crypto);
        table.Add(SenderId, PairKey);
        return new FrameOpener(ReceiverId, Crypto, table, new ReplayGuard(Storage, "rg-test"), Accepted);
    }

    public void Restart() => Opener = NewOpener();

    public byte[] Seal(FrameBody body, uint counter) => Sealer.Seal(body, SenderId, ReceiverId, counter, Keys);

    public FrameOpenResult Open(byte[] frame) => Opener.Open(frame, 0, frame.Length);

    public void Dispose()
    {
        // Nothing to release: storage is in memory. Kept so tests read as using a scoped fixture.
    }
}
