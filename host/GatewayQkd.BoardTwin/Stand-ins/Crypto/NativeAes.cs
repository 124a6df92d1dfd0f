using System;

namespace GatewayQkd.BoardTwin.StandIns.Crypto;

/// <summary>
/// The board's native Aes (nanoFramework.System.Security.Cryptography 1.0.38 over mbedTLS), with its limits: the
/// native code is AES-128 only - it selects MBEDTLS_CIPHER_AES_128_ECB and sets a key of keyLen*8 bits
/// (nf-interpreter src/System.Security.Cryptography/nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp
/// lines 13 and 138-140), so any key that is not 16 bytes fails at Encrypt with an ArgumentException (the library's
/// test AesTests_ECB.cs line 132 expects exactly that); data must be whole 16-byte blocks (no padding); only ECB and
/// CBC exist. The Key setter stores whatever it is given, as the managed Aes.cs does.
/// </summary>
internal sealed class NativeAes
{
    private readonly NativeCipherMode _mode;

    public NativeAes(NativeCipherMode mode)
    {
        _mode = mode;
    }

    public byte[] Key { get; set; }

    public byte[] IV { get; set; }

    public byte[] Encrypt(byte[] data) => Run(data, encrypt: true);

    public byte[] Decrypt(byte[] data) => Run(data, encrypt: false);

    private byte[] Run(byte[] data, bool encrypt)
    {
        if (_mode is not (NativeCipherMode.ECB or NativeCipherMode.CBC))
        {
            throw new NotSupportedException();
        }

        if (Key is null)
        {
            throw new InvalidOperationException("The key has not been set.");
        }

        if (Key.Length != 16)
        {
            throw new ArgumentException("The native AES is AES-128: the key must be 16 bytes, got " + Key.Length + ".");
        }

        ArgumentNullException.ThrowIfNull(data);
        if (data.Length % 16 != 0)
        {
            throw new ArgumentException("The data must be a multiple of the 16-byte block size.");
        }

        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = Key;
        if (_mode == NativeCipherMode.ECB)
        {
            return encrypt
                ? aes.EncryptEcb(data, System.Security.Cryptography.PaddingMode.None)
                : aes.DecryptEcb(data, System.Security.Cryptography.PaddingMode.None);
        }

        var iv = IV ?? throw new InvalidOperationException("CBC needs an IV.");
        return encrypt
            ? aes.EncryptCbc(data, iv, System.Security.Cryptography.PaddingMode.None)
            : aes.DecryptCbc(data, iv, System.Security.Cryptography.PaddingMode.None);
    }
}
