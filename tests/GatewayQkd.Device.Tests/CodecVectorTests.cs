using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Device.Adapters;
using nanoFramework.TestFramework;

namespace GatewayQkd.Device.Tests
{
    /// <summary>
    /// The codec vectors (tests/vectors/codec-vectors.txt, sealed on the host) open on the board, through the device's
    /// native HMAC and AES and the core's codec, and re-seal to the very same bytes: host and device speak one wire format.
    /// </summary>
    [TestClass]
    public class CodecVectorTests
    {
        private const string VectorsPath = "I:\\codec-vectors.txt";

        private static readonly FrameType[] AllTypes = new FrameType[]
        {
            FrameType.KeyRequest, FrameType.KeyResponse, FrameType.KeyBlockDelivery, FrameType.BlockAck,
            FrameType.SupplementRequest, FrameType.GatewayStatus,
        };

        [TestMethod]
        public void Host_Sealed_Frames_Open_And_Reseal_Identically_On_The_Board()
        {
            NativeCrypto crypto = new NativeCrypto();
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "frame");
            for (int i = 0; i < vectors.Length; i++)
            {
                ushort sender = Id(vectors[i].Bytes("sender"));
                ushort recipient = Id(vectors[i].Bytes("recipient"));
                byte[] frame = vectors[i].Bytes("frame");
                PeerKeyTable keys = new PeerKeyTable(crypto);
                keys.Add(sender, vectors[i].Bytes("key"));
                FrameOpener opener = new FrameOpener(recipient, crypto, keys, new ReplayGuard(TestStorage.Fresh(), "rg-codec"), AllTypes);

                FrameOpenResult opened = opener.Open(frame, 0, frame.Length);

                Assert.IsTrue(opened.IsOk, vectors[i].Name + ": " + opened.Message);
                byte[] resealed = new FrameSealer(crypto).Seal(opened.Body, opened.Header.SenderId, opened.Header.RecipientId, opened.Header.Counter, opened.Keys);
                Assert.AreEqual(Hex.Encode(frame), Hex.Encode(resealed), vectors[i].Name);
            }
        }

        [TestMethod]
        public void A_Flipped_Bit_Is_Rejected_On_The_Board()
        {
            NativeCrypto crypto = new NativeCrypto();
            VectorLine vector = VectorFile.Read(VectorsPath, "frame")[0];
            byte[] frame = vector.Bytes("frame");
            frame[frame.Length - 1] ^= 0x01;
            PeerKeyTable keys = new PeerKeyTable(crypto);
            keys.Add(Id(vector.Bytes("sender")), vector.Bytes("key"));
            FrameOpener opener = new FrameOpener(Id(vector.Bytes("recipient")), crypto, keys, new ReplayGuard(TestStorage.Fresh(), "rg-codec"), AllTypes);

            Assert.IsFalse(opener.Open(frame, 0, frame.Length).IsOk, "A frame with a flipped tag bit was accepted.");
        }

        private static ushort Id(byte[] bigEndian)
        {
            return (ushort)((bigEndian[0] << 8) | bigEndian[1]);
        }
    }
}
