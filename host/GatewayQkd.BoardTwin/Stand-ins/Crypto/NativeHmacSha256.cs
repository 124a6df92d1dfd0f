namespace GatewayQkd.BoardTwin.StandIns.Crypto;

/// <summary>HMACSHA256 of nanoFramework (native mbedTLS HMAC, any key length): the static HashData the device calls.</summary>
internal static class NativeHmacSha256
{
    public static byte[] HashData(byte[] key, byte[] source) => System.Security.Cryptography.HMACSHA256.HashData(key, source);
}
