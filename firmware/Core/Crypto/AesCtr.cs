using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// AES-256 in counter mode (NIST SP 800-38A s6.5): output = input XOR AES(key, T1) | AES(key, T2) | ... with
    /// T1 the 16-byte initial counter block and T(j+1) = T(j) + 1 as a 128-bit big-endian integer (the standard
    /// incrementing function of SP 800-38A B.1 with m = 128, wrapping modulo 2^128). Encryption and decryption are
    /// the same operation.
    /// </summary>
    /// <remarks>
    /// The whole block is incremented (as in SP 800-38A F.5 and BouncyCastle's SicBlockCipher), so a nonce must leave
    /// room below it: callers that put a message nonce in the high bytes keep the low bytes zero at the start.
    /// Counter blocks are prepared <see cref="BatchBlocks"/> at a time so that one block-cipher call encrypts many of
    /// them. The block cipher is the platform's native AES-256 when <see cref="ICryptoPrimitives.NativeAes256"/> says
    /// it has one (the host), otherwise the managed <see cref="Aes256"/> (the ESP32, whose native AES is AES-128 only);
    /// the 32-byte key is never handed to a native that cannot take it.
    /// </remarks>
    public sealed class AesCtr
    {
        /// <summary>The AES block and counter block length in bytes.</summary>
        public const int BlockLength = 16;

        /// <summary>The AES-256 key length in bytes.</summary>
        public const int KeyLength = 32;

        /// <summary>How many counter blocks go to one EncryptBlocks call (512 bytes of key stream).</summary>
        public const int BatchBlocks = 32;

        private readonly ICryptoPrimitives _primitives;

        /// <summary>Creates an AES-256-CTR on the given primitives.</summary>
        public AesCtr(ICryptoPrimitives primitives)
        {
            if (primitives == null)
            {
                throw new System.ArgumentNullException("primitives");
            }

            _primitives = primitives;
        }

        /// <summary>Returns <paramref name="count"/> bytes of <paramref name="input"/> from <paramref name="offset"/> XORed with the key stream.</summary>
        public byte[] Transform(byte[] key, byte[] initialCounter, byte[] input, int offset, int count)
        {
            Bytes.CheckRange(input, offset, count, "input");
            byte[] output = new byte[count];
            Transform(key, initialCounter, input, offset, count, output, 0);
            return output;
        }

        /// <summary>
        /// Writes <paramref name="count"/> bytes of input XOR key stream to <paramref name="output"/> from
        /// <paramref name="outputOffset"/>; input and output may be the same array at the same offset.
        /// </summary>
        public void Transform(byte[] key, byte[] initialCounter, byte[] input, int offset, int count, byte[] output, int outputOffset)
        {
            Bytes.CheckLength(key, KeyLength, "key");
            Bytes.CheckLength(initialCounter, BlockLength, "initialCounter");
            Bytes.CheckRange(input, offset, count, "input");
            Bytes.CheckRange(output, outputOffset, count, "output");

            Aes256 managed = _primitives.NativeAes256 ? null : new Aes256(key);
            byte[] counter = Bytes.CopyOf(initialCounter, 0, BlockLength);
            int totalBlocks = (count + BlockLength - 1) / BlockLength;
            int batch = totalBlocks < BatchBlocks ? totalBlocks : BatchBlocks;
            byte[] counterBlocks = new byte[batch * BlockLength];
            int done = 0;
            while (done < count)
            {
                int remainingBlocks = (count - done + BlockLength - 1) / BlockLength;
                int blocks = remainingBlocks < batch ? remainingBlocks : batch;
                for (int i = 0; i < blocks; i++)
                {
                    System.Array.Copy(counter, 0, counterBlocks, i * BlockLength, BlockLength);
                    Increment(counter);
                }

                byte[] keyStream = managed == null
                    ? _primitives.EncryptBlocks(key, counterBlocks, 0, blocks * BlockLength)
                    : managed.EncryptBlocks(counterBlocks, 0, blocks * BlockLength);
                int take = count - done < blocks * BlockLength ? count - done : blocks * BlockLength;
                Bytes.Xor(input, offset + done, keyStream, 0, output, outputOffset + done, take);
                Bytes.Erase(keyStream);
                done += take;
            }

            if (managed != null)
            {
                managed.Erase();
            }
        }

        /// <summary>Adds one to the 16-byte block read as a big-endian integer, wrapping modulo 2^128 (SP 800-38A B.1).</summary>
        public static void Increment(byte[] counterBlock)
        {
            Bytes.CheckLength(counterBlock, BlockLength, "counterBlock");
            for (int i = BlockLength - 1; i >= 0; i--)
            {
                counterBlock[i]++;
                if (counterBlock[i] != 0)
                {
                    return;
                }
            }
        }
    }
}
