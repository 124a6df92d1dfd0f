using System.Security.Cryptography;

namespace GatewayQkd.Adapters;

/// <summary>
/// HMAC-SHA256 (RFC 2104 s2: H(K xor opad || H(K xor ipad || text)), a key longer than 64 bytes first hashed) on
/// <see cref="LibcryptoSha256"/>. An instance keeps one key's two padded-key states (the SHA-256 contexts after the
/// 64-byte K xor ipad and K xor opad blocks), so a MAC of a short frame costs the message's blocks plus one outer block;
/// <see cref="Compute(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> builds the states on the stack for a key
/// used once. Check <see cref="LibcryptoSha256.IsAvailable"/> first. Not thread-safe per instance (the caller locks).
/// </summary>
internal sealed class LibcryptoHmac : IDisposable
{
    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5c;

    // Key-equivalent secrets (whoever has them can MAC anything): erased by Dispose.
    private readonly byte[] _inner = new byte[LibcryptoSha256.ContextSize];
    private readonly byte[] _outer = new byte[LibcryptoSha256.ContextSize];

    /// <summary>Hashes the padded key blocks of <paramref name="key"/> (any length) once.</summary>
    public LibcryptoHmac(ReadOnlySpan<byte> key) => PadStates(key, _inner, _outer);

    /// <summary>Writes the 32-byte MAC of <paramref name="data"/> under this key to <paramref name="mac"/>.</summary>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> mac) => Finish(_inner, _outer, data, mac);

    /// <summary>Writes the 32-byte MAC of <paramref name="data"/> under <paramref name="key"/>, a key used once.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> inner = stackalloc byte[LibcryptoSha256.ContextSize];
        Span<byte> outer = stackalloc byte[LibcryptoSha256.ContextSize];
        try
        {
            PadStates(key, inner, outer);
            Finish(inner, outer, data, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(inner);
            CryptographicOperations.ZeroMemory(outer);
        }
    }

    /// <summary>Erases the padded-key states.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_inner);
        CryptographicOperations.ZeroMemory(_outer);
    }

    private static void PadStates(ReadOnlySpan<byte> key, Span<byte> inner, Span<byte> outer)
    {
        Span<byte> block = stackalloc byte[LibcryptoSha256.BlockSize];
        try
        {
            block.Clear();
            if (key.Length > LibcryptoSha256.BlockSize)
            {
                // RFC 2104 s2: keys longer than B bytes are first hashed; the 32-byte hash is then zero-padded to B.
                LibcryptoSha256.Start(inner);
                LibcryptoSha256.Update(inner, key);
                LibcryptoSha256.Finish(inner, block);
            }
            else
            {
                key.CopyTo(block);
            }

            Pad(block, InnerPad);
            LibcryptoSha256.Start(inner);
            LibcryptoSha256.Update(inner, block);
            Pad(block, InnerPad ^ OuterPad);
            LibcryptoSha256.Start(outer);
            LibcryptoSha256.Update(outer, block);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
        }
    }

    private static void Finish(ReadOnlySpan<byte> innerState, ReadOnlySpan<byte> outerState, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> context = stackalloc byte[LibcryptoSha256.ContextSize];
        Span<byte> innerHash = stackalloc byte[LibcryptoSha256.DigestSize];
        try
        {
            innerState.CopyTo(context);
            LibcryptoSha256.Update(context, data);
            LibcryptoSha256.Finish(context, innerHash);
            outerState.CopyTo(context);
            LibcryptoSha256.Update(context, innerHash);
            LibcryptoSha256.Finish(context, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(context);
            CryptographicOperations.ZeroMemory(innerHash);
        }
    }

    private static void Pad(Span<byte> block, byte pad)
    {
        for (int i = 0; i < block.Length; i++)
        {
            block[i] ^= pad;
        }
    }
}
