namespace GatewayQkd.BoardTwin.StandIns.Crypto;

/// <summary>HMACSHA256 of nanoFramework (native mbedTLS HMAC, any key length): the static HashData and ComputeHash.</summary>
internal sealed class NativeHmacSha256
{
    private readonly byte[] _key;

    public NativeHmacSha256(byte[] key)
    {
        _key = key ?? throw new System.ArgumentNullException(nameof(key));
    }

    public static byte[] HashData(byte[] key, byte[] source) => System.Security.Cryptography.HMACSHA256.HashData(key, source);

    public byte[] ComputeHash(byte[] buffer) => HashData(_key, buffer);
}
