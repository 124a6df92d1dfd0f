using GatewayQkd.Core.Crypto;
using GatewayQkd.Device.Adapters;
using nanoFramework.TestFramework;

namespace GatewayQkd.Device.Tests
{
    /// <summary>
    /// The shared known-answer vectors (tests/vectors/crypto-vectors.txt: RFC 4231, RFC 5869, SP 800-38A, RFC 8439)
    /// run on the board: the native AES-128-ECB and HMAC-SHA256 (mbedTLS) behind NativeCrypto, the core's managed
    /// AES-256 (the native has no 256-bit keys), and the constructions on top of them, give the published outputs.
    /// </summary>
    [TestClass]
    public class CryptoVectorTests
    {
        private const string VectorsPath = "I:\\crypto-vectors.txt";

        [TestMethod]
        public void HmacSha256_Matches_Rfc4231()
        {
            NativeCrypto crypto = new NativeCrypto();
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "hmac-sha256");
            for (int i = 0; i < vectors.Length; i++)
            {
                byte[] data = vectors[i].Bytes("data");
                byte[] expected = vectors[i].Bytes("mac");
                byte[] mac = crypto.HmacSha256(vectors[i].Bytes("key"), data, 0, data.Length);

                // RFC 4231 case 5 publishes a truncated MAC: compare its length (crypto-vectors.txt header).
                AssertPrefix(expected, mac, vectors[i].Name);
            }
        }

        [TestMethod]
        public void HmacSha256_Of_A_Slice_Equals_The_Whole_Of_The_Copy()
        {
            NativeCrypto crypto = new NativeCrypto();
            VectorLine vector = VectorFile.Read(VectorsPath, "hmac-sha256")[1];
            byte[] data = vector.Bytes("data");
            byte[] padded = new byte[data.Length + 7];
            System.Array.Copy(data, 0, padded, 3, data.Length);

            AssertPrefix(vector.Bytes("mac"), crypto.HmacSha256(vector.Bytes("key"), padded, 3, data.Length), vector.Name);
        }

        [TestMethod]
        public void Hkdf_Matches_Rfc5869()
        {
            Hkdf hkdf = new Hkdf(new NativeCrypto());
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "hkdf-sha256");
            for (int i = 0; i < vectors.Length; i++)
            {
                byte[] prk = hkdf.Extract(vectors[i].Bytes("salt"), vectors[i].Bytes("ikm"));
                byte[] expectedOkm = vectors[i].Bytes("okm");

                AssertEqual(vectors[i].Bytes("prk"), prk, vectors[i].Name + " PRK");
                AssertEqual(expectedOkm, hkdf.Expand(prk, vectors[i].Bytes("info"), expectedOkm.Length), vectors[i].Name + " OKM");
            }
        }

        [TestMethod]
        public void Native_Aes128_Matches_Fips197_And_Sp800_38a()
        {
            NativeCrypto crypto = new NativeCrypto();
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "aes128-ecb");
            for (int i = 0; i < vectors.Length; i++)
            {
                byte[] input = vectors[i].Bytes("input");

                AssertEqual(vectors[i].Bytes("output"), crypto.EncryptBlocks(vectors[i].Bytes("key"), input, 0, input.Length), vectors[i].Name);
            }
        }

        [TestMethod]
        public void Managed_Aes256_Matches_Fips197_And_Sp800_38a()
        {
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "aes256-ecb");
            for (int i = 0; i < vectors.Length; i++)
            {
                byte[] input = vectors[i].Bytes("input");

                AssertEqual(vectors[i].Bytes("output"), new Aes256(vectors[i].Bytes("key")).EncryptBlocks(input, 0, input.Length), vectors[i].Name);
            }
        }

        [TestMethod]
        public void Port_Reports_No_Native_Aes256()
        {
            Assert.IsFalse(new NativeCrypto().NativeAes256);
        }

        [TestMethod]
        public void Native_Aes_Refuses_A_32_Byte_Key()
        {
            NativeCrypto crypto = new NativeCrypto();

            Assert.ThrowsException(typeof(System.ArgumentException), () => crypto.EncryptBlocks(new byte[32], new byte[16], 0, 16));
        }

        [TestMethod]
        public void AesCtr_Matches_Sp800_38a()
        {
            AesCtr ctr = new AesCtr(new NativeCrypto());
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "aes256-ctr");
            for (int i = 0; i < vectors.Length; i++)
            {
                byte[] input = vectors[i].Bytes("input");
                byte[] output = ctr.Transform(vectors[i].Bytes("key"), vectors[i].Bytes("icb"), input, 0, input.Length);

                AssertEqual(vectors[i].Bytes("output"), output, vectors[i].Name);
            }
        }

        [TestMethod]
        public void Poly1305_Matches_Rfc8439()
        {
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "poly1305");
            for (int i = 0; i < vectors.Length; i++)
            {
                AssertEqual(vectors[i].Bytes("tag"), Poly1305.ComputeTag(vectors[i].Bytes("key"), vectors[i].Bytes("msg")), vectors[i].Name);
            }
        }

        [TestMethod]
        public void AesCtrHmac_Aead_Seals_And_Opens_The_Project_Vectors()
        {
            AesCtrHmacAead aead = new AesCtrHmacAead(new NativeCrypto());
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "aead-aes256ctr-hmacsha256");
            for (int i = 0; i < vectors.Length; i++)
            {
                byte[] key = vectors[i].Bytes("key");
                byte[] nonce = vectors[i].Bytes("nonce");
                byte[] ad = vectors[i].Bytes("ad");
                byte[] plaintext;

                AssertEqual(vectors[i].Bytes("sealed"), aead.Seal(key, nonce, ad, vectors[i].Bytes("pt")), vectors[i].Name + " seal");
                Assert.AreEqual((int)AuthStatus.Authentic, (int)aead.Open(key, nonce, ad, vectors[i].Bytes("sealed"), out plaintext), vectors[i].Name + " open");
                AssertEqual(vectors[i].Bytes("pt"), plaintext, vectors[i].Name + " plaintext");
            }
        }

        [TestMethod]
        public void OneTimePad_Poly1305_Seals_The_Project_Vectors()
        {
            VectorLine[] vectors = VectorFile.Read(VectorsPath, "otp-poly1305");
            for (int i = 0; i < vectors.Length; i++)
            {
                AssertEqual(
                    vectors[i].Bytes("sealed"),
                    OneTimePadPoly1305.Seal(vectors[i].Bytes("key"), vectors[i].Bytes("ad"), vectors[i].Bytes("pt")),
                    vectors[i].Name);
            }
        }

        [TestMethod]
        public void EncryptBlocks_Rejects_Partial_Blocks()
        {
            NativeCrypto crypto = new NativeCrypto();

            Assert.ThrowsException(typeof(System.ArgumentException), () => crypto.EncryptBlocks(new byte[16], new byte[20], 0, 20));
        }

        private static void AssertEqual(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(Hex.Encode(expected), Hex.Encode(actual), what);
        }

        private static void AssertPrefix(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(Hex.Encode(expected), Hex.Encode(Bytes.CopyOf(actual, 0, expected.Length)), what);
        }
    }
}
