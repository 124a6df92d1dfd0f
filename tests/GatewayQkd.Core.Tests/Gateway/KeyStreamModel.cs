using System.Security.Cryptography;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// The test's own copy of each peer's key stream: byte i of peer p's stream is byte (i mod 32) of
/// SHA-256("stream" | p | i / 32). Both the HAP stand-in and the assertions read it, independently of the pool.
/// </summary>
internal static class KeyStreamModel
{
    public static byte[] Bytes(ushort peer, long offset, int length)
    {
        var result = new byte[length];
        for (var i = 0; i < length; i++)
        {
            var position = offset + i;
            result[i] = Block(peer, position / 32)[position % 32];
        }

        return result;
    }

    private static byte[] Block(ushort peer, long index) =>
        SHA256.HashData(System.Text.Encoding.ASCII.GetBytes($"stream|{peer}|{index}"));
}
