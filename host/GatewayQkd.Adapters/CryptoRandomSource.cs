using System.Security.Cryptography;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// Random bytes from the operating system's CSPRNG (.NET's <see cref="RandomNumberGenerator"/>, OpenSSL's RAND_bytes
/// on Linux). Small requests are served from a per-thread buffer refilled <see cref="BufferSize"/> bytes at a time:
/// one Fill costs about 1 us whatever its length up to a few KiB (measured here: 1.07 us for 16 bytes, 1.77 us for
/// 4,096), so a 16-byte key-wrap salt per answer cost about 1 us of the gateway's ~11 us per durable request and now
/// costs a copy (docs/benchmarks.md, "Group commit"). Served bytes are zeroed in the buffer, so nothing handed out stays
/// behind; requests above <see cref="DirectLimit"/> bytes go to the CSPRNG directly. Thread-safe (nothing is shared).
/// </summary>
public sealed class CryptoRandomSource : IRandomSource
{
    /// <summary>The refill size: 64 salts per CSPRNG call.</summary>
    public const int BufferSize = 1024;

    /// <summary>The longest request served from the buffer.</summary>
    public const int DirectLimit = 64;

    [ThreadStatic]
    private static byte[]? _buffer;

    [ThreadStatic]
    private static int _position;

    /// <inheritdoc />
    public void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer.Length > DirectLimit)
        {
            RandomNumberGenerator.Fill(buffer);
            return;
        }

        var pool = _buffer ??= new byte[BufferSize];
        if (_position == 0 || _position > BufferSize - buffer.Length)
        {
            RandomNumberGenerator.Fill(pool);
            _position = 0;
        }

        var served = pool.AsSpan(_position, buffer.Length);
        served.CopyTo(buffer);
        served.Clear();
        _position += buffer.Length;
        if (_position == BufferSize)
        {
            _position = 0; // the next request refills: a position of 0 always means "refill first"
        }
    }
}
