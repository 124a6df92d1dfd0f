using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;
using X86Sse2 = System.Runtime.Intrinsics.X86.Sse2;

namespace GatewayQkd.Adapters;

/// <summary>
/// AES-128 and AES-256 block encryption (FIPS 197) on the CPU's AES instructions (AES-NI) through .NET's hardware
/// intrinsics: the key expansion and each block run in a few dozen instructions with no call into OpenSSL, so a
/// one-time key (the per-message wrap key) costs about as much as a reused one. The key expansion follows Intel's
/// "Advanced Encryption Standard (AES) New Instructions Set" white paper (S. Gueron, rev. 3.01, 2012), figures 24
/// (AES-128) and 26 (AES-256): AESKEYGENASSIST with the round constant, the 32-bit word broadcast, three shifted XORs.
/// Callers check <see cref="IsSupported"/> and use the platform's AES otherwise.
/// </summary>
internal sealed class HardwareAes
{
    private const int MaxRoundKeys = 15;

    private readonly Vector128<byte>[] _roundKeys;
    private readonly int _rounds;

    /// <summary>Expands a 16-byte (AES-128, 10 rounds) or 32-byte (AES-256, 14 rounds) key.</summary>
    public HardwareAes(ReadOnlySpan<byte> key)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("This CPU has no AES instructions.");
        }

        _roundKeys = new Vector128<byte>[MaxRoundKeys];
        _rounds = Expand(key, _roundKeys);
    }

    /// <summary>Gets whether the CPU has the AES and SSE2 instructions this needs.</summary>
    public static bool IsSupported => X86Aes.IsSupported && X86Sse2.IsSupported;

    /// <summary>Encrypts <paramref name="input"/> (a multiple of 16 bytes) block by block (ECB) into <paramref name="output"/>.</summary>
    public void EncryptEcb(ReadOnlySpan<byte> input, Span<byte> output) => EncryptEcb(_roundKeys, _rounds, input, output);

    /// <summary>One-shot: expands <paramref name="key"/> on the stack, encrypts, and clears the schedule (nothing allocated but by the caller).</summary>
    public static void EncryptEcb(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<Vector128<byte>> roundKeys = stackalloc Vector128<byte>[MaxRoundKeys];
        try
        {
            EncryptEcb(roundKeys, Expand(key, roundKeys), input, output);
        }
        finally
        {
            roundKeys.Clear();
        }
    }

    /// <summary>Overwrites the round keys with zeros (the key schedule is key material).</summary>
    public void Erase() => Array.Clear(_roundKeys);

    private static void EncryptEcb(ReadOnlySpan<Vector128<byte>> keys, int last, ReadOnlySpan<byte> input, Span<byte> output)
    {
        for (var at = 0; at + 16 <= input.Length; at += 16)
        {
            var state = X86Sse2.Xor(Load(input, at), keys[0]);
            for (var r = 1; r < last; r++)
            {
                state = X86Aes.Encrypt(state, keys[r]);
            }

            state = X86Aes.EncryptLast(state, keys[last]);
            state.CopyTo(output[at..]);
        }
    }

    // Returns the number of rounds: 10 for a 16-byte key, 14 for a 32-byte key (FIPS 197 s5, Nr).
    private static int Expand(ReadOnlySpan<byte> key, Span<Vector128<byte>> roundKeys)
    {
        if (key.Length == 16)
        {
            Expand128(Load(key, 0), roundKeys);
            return 10;
        }

        if (key.Length == 32)
        {
            Expand256(Load(key, 0), Load(key, 16), roundKeys);
            return 14;
        }

        throw new ArgumentException($"AES takes a 16- or 32-byte key, got {key.Length} bytes.", nameof(key));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Load(ReadOnlySpan<byte> data, int at) =>
        Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(data), (nuint)at);

    // w[i..i+3] of the next round key from the previous one and the broadcast word of AESKEYGENASSIST (white paper fig. 24).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Next(Vector128<byte> previous, Vector128<byte> assist, [ConstantExpected] byte broadcast)
    {
        var word = X86Sse2.Shuffle(assist.AsInt32(), broadcast).AsByte();
        previous = X86Sse2.Xor(previous, X86Sse2.ShiftLeftLogical128BitLane(previous, 4));
        previous = X86Sse2.Xor(previous, X86Sse2.ShiftLeftLogical128BitLane(previous, 4));
        previous = X86Sse2.Xor(previous, X86Sse2.ShiftLeftLogical128BitLane(previous, 4));
        return X86Sse2.Xor(previous, word);
    }

    // The round constants are immediates of AESKEYGENASSIST, hence written out (FIPS 197 s5.2: Rcon 01, 02, 04 ... 1b, 36).
    private static void Expand128(Vector128<byte> k, Span<Vector128<byte>> rk)
    {
        rk[0] = k;
        rk[1] = k = Next(k, X86Aes.KeygenAssist(k, 0x01), 0xFF);
        rk[2] = k = Next(k, X86Aes.KeygenAssist(k, 0x02), 0xFF);
        rk[3] = k = Next(k, X86Aes.KeygenAssist(k, 0x04), 0xFF);
        rk[4] = k = Next(k, X86Aes.KeygenAssist(k, 0x08), 0xFF);
        rk[5] = k = Next(k, X86Aes.KeygenAssist(k, 0x10), 0xFF);
        rk[6] = k = Next(k, X86Aes.KeygenAssist(k, 0x20), 0xFF);
        rk[7] = k = Next(k, X86Aes.KeygenAssist(k, 0x40), 0xFF);
        rk[8] = k = Next(k, X86Aes.KeygenAssist(k, 0x80), 0xFF);
        rk[9] = k = Next(k, X86Aes.KeygenAssist(k, 0x1B), 0xFF);
        rk[10] = Next(k, X86Aes.KeygenAssist(k, 0x36), 0xFF);
    }

    // AES-256 (white paper fig. 26): even round keys take RotWord+SubWord+Rcon of the odd one before (word 3, 0xFF),
    // odd ones SubWord alone of the even one before (AESKEYGENASSIST with Rcon 0, word 2, 0xAA).
    private static void Expand256(Vector128<byte> a, Vector128<byte> b, Span<Vector128<byte>> rk)
    {
        rk[0] = a;
        rk[1] = b;
        rk[2] = a = Next(a, X86Aes.KeygenAssist(b, 0x01), 0xFF);
        rk[3] = b = Next(b, X86Aes.KeygenAssist(a, 0x00), 0xAA);
        rk[4] = a = Next(a, X86Aes.KeygenAssist(b, 0x02), 0xFF);
        rk[5] = b = Next(b, X86Aes.KeygenAssist(a, 0x00), 0xAA);
        rk[6] = a = Next(a, X86Aes.KeygenAssist(b, 0x04), 0xFF);
        rk[7] = b = Next(b, X86Aes.KeygenAssist(a, 0x00), 0xAA);
        rk[8] = a = Next(a, X86Aes.KeygenAssist(b, 0x08), 0xFF);
        rk[9] = b = Next(b, X86Aes.KeygenAssist(a, 0x00), 0xAA);
        rk[10] = a = Next(a, X86Aes.KeygenAssist(b, 0x10), 0xFF);
        rk[11] = b = Next(b, X86Aes.KeygenAssist(a, 0x00), 0xAA);
        rk[12] = a = Next(a, X86Aes.KeygenAssist(b, 0x20), 0xFF);
        rk[13] = Next(b, X86Aes.KeygenAssist(a, 0x00), 0xAA);
        rk[14] = Next(a, X86Aes.KeygenAssist(rk[13], 0x40), 0xFF);
    }
}
