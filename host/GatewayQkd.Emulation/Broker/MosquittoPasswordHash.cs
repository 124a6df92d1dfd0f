using System.Security.Cryptography;
using System.Text;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// A Mosquitto 2.x password file entry's hash: <c>$7$iterations$salt$hash</c>, PBKDF2-HMAC-SHA512 over the UTF-8
/// password with a 12-byte random salt, 64-byte output, both in standard base64 (the format `mosquitto_passwd` writes
/// since Mosquitto 2.0: eclipse/mosquitto, src/password_mosq.h "pw_sha512_pbkdf2 = 7", SALT_LEN 12,
/// PW_DEFAULT_ITERATIONS 101). Writing it here spares the user running mosquitto_passwd; a test has a real Mosquitto
/// accept it.
/// </summary>
public static class MosquittoPasswordHash
{
    /// <summary>The PBKDF2 iteration count written (Mosquitto reads the count from each entry).</summary>
    public const int Iterations = 1000;

    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    /// <summary>Returns the hash field of a password file line for <paramref name="password"/> with a fresh random salt.</summary>
    public static string Create(string password) => Create(password, RandomNumberGenerator.GetBytes(SaltBytes));

    /// <summary>Returns the hash field for <paramref name="password"/> and a given 12-byte salt.</summary>
    public static string Create(string password, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length != SaltBytes)
        {
            throw new ArgumentException($"A Mosquitto salt is {SaltBytes} bytes, got {salt.Length}.", nameof(salt));
        }

        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
