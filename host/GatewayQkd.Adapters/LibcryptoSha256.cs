using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace GatewayQkd.Adapters;

/// <summary>
/// SHA-256 (FIPS 180-4) straight from libcrypto's low-level functions <c>SHA256_Init</c>, <c>SHA256_Update</c> and
/// <c>SHA256_Final</c> on a caller-owned <c>SHA256_CTX</c>, for the HMAC fast path (<see cref="LibcryptoHmac"/>): a
/// context is plain memory that can be copied, so an HMAC key's two padded-key states are hashed once and each MAC
/// starts from copies of them, with no EVP object, provider fetch or error-queue call per MAC (.NET's
/// <see cref="HMACSHA256"/> and <see cref="IncrementalHash"/> go through EVP_MAC; measured here at 0.9-2.0 us per
/// 33-74-byte MAC against 0.16-0.27 us this way, docs/benchmarks.md "Host HMAC").
/// </summary>
/// <remarks>
/// The layout and signatures are OpenSSL's public header, openssl/openssl include/openssl/sha.h lines 62-67
/// (<c>SHA256_CTX</c>: <c>h[8]</c>, <c>Nl</c>, <c>Nh</c>, <c>data[16]</c>, <c>num</c>, <c>md_len</c>, all 32-bit: 112
/// bytes) and 73-76 (the three functions, deprecated in 3.0 but exported; the same since OpenSSL 0.9.8). They run the
/// same block function as the EVP path, which uses the CPU's SHA extensions where present
/// (crypto/sha/asm/sha256-x86_64.pl, the <c>shaext</c> code path). The library is the one .NET's own crypto already
/// loaded (libcrypto.so.3, or 1.1); if it is missing, lacks an export or fails the start-up self-check against
/// <see cref="SHA256.HashData(ReadOnlySpan{byte})"/>, <see cref="IsAvailable"/> is false and callers use .NET's HMAC.
/// Calls on at most <see cref="ShortInput"/> bytes skip the GC transition (<see cref="SuppressGCTransitionAttribute"/>:
/// a SHA-NI hash of 1 KiB takes about a microsecond and never blocks or calls back); longer inputs take the normal one.
/// </remarks>
internal static unsafe class LibcryptoSha256
{
    /// <summary>Bytes reserved for one context: SHA256_CTX is 112 bytes; the rest is margin the library never touches.</summary>
    public const int ContextSize = 128;

    /// <summary>Gets the digest length in bytes.</summary>
    public const int DigestSize = 32;

    /// <summary>Gets the SHA-256 block length in bytes (the HMAC pad length, RFC 2104 s2).</summary>
    public const int BlockSize = 64;

    /// <summary>The longest input an update hands over without a GC transition.</summary>
    public const int ShortInput = 1024;

    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> Init;
    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> UpdateShort;
    private static readonly delegate* unmanaged<byte*, byte*, nuint, int> UpdateLong;
    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> FinalShort;

    static LibcryptoSha256()
    {
        if (!OperatingSystem.IsLinux() || !TryLoad(out var library))
        {
            return;
        }

        if (!NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
            || !NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
            || !NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
        {
            return;
        }

        Init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init;
        UpdateShort = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
        UpdateLong = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
        FinalShort = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
        IsAvailable = SelfCheck();
    }

    /// <summary>Gets whether libcrypto's SHA-256 functions were found and hash as FIPS 180-4 says.</summary>
    public static bool IsAvailable { get; }

    /// <summary>Starts a hash in <paramref name="context"/> (at least <see cref="ContextSize"/> bytes).</summary>
    public static void Start(Span<byte> context)
    {
        fixed (byte* c = context)
        {
            Init(c);
        }
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="context"/>.</summary>
    public static void Update(Span<byte> context, ReadOnlySpan<byte> data)
    {
        fixed (byte* c = context)
        fixed (byte* d = data)
        {
            if (data.Length <= ShortInput)
            {
                UpdateShort(c, d, (nuint)data.Length);
            }
            else
            {
                UpdateLong(c, d, (nuint)data.Length);
            }
        }
    }

    /// <summary>Pads and finishes the hash in <paramref name="context"/>, writing the 32-byte digest to <paramref name="digest"/>.</summary>
    public static void Finish(Span<byte> context, Span<byte> digest)
    {
        if (digest.Length < DigestSize)
        {
            throw new ArgumentException($"A SHA-256 digest needs {DigestSize} bytes, got {digest.Length}.", nameof(digest));
        }

        fixed (byte* c = context)
        fixed (byte* d = digest)
        {
            FinalShort(d, c);
        }
    }

    private static bool TryLoad(out nint library)
    {
        // .NET's System.Security.Cryptography.Native.OpenSsl has loaded one of these already; TryLoad returns it.
        return NativeLibrary.TryLoad("libcrypto.so.3", out library) || NativeLibrary.TryLoad("libcrypto.so.1.1", out library);
    }

    // An export with the right name but another layout or behaviour must not become the HMAC: hash two inputs (one
    // across a block boundary, one long enough for the normal transition) and compare with .NET's SHA-256.
    private static bool SelfCheck()
    {
        Span<byte> context = stackalloc byte[ContextSize];
        Span<byte> digest = stackalloc byte[DigestSize];
        foreach (var length in new[] { 3, BlockSize + 7, ShortInput + 77 })
        {
            var input = new byte[length];
            for (int i = 0; i < length; i++)
            {
                input[i] = (byte)(i * 7 + 1);
            }

            context.Clear();
            Start(context);
            Update(context, input.AsSpan(0, length / 2));
            Update(context, input.AsSpan(length / 2));
            Finish(context, digest);
            if (!digest.SequenceEqual(SHA256.HashData(input)))
            {
                return false;
            }
        }

        return true;
    }
}
