using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GatewayQkd.Kms.Certificates;

/// <summary>
/// The file layout `kms certs` writes and the server and clients read: for each name (ca, server, and one per SAE id)
/// NAME.crt (PEM certificate), NAME.key (PEM PKCS#8 private key, unencrypted) and NAME.pfx (PKCS#12, no password).
/// </summary>
public static class CertificateFolder
{
    /// <summary>File name stem of the CA.</summary>
    public const string CaName = "ca";

    /// <summary>File name stem of the KMS server certificate.</summary>
    public const string ServerName = "server";

    /// <summary>Writes a certificate and its key as NAME.crt, NAME.key and NAME.pfx; returns the PFX path.</summary>
    public static string Write(string folder, string name, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, name);
        File.WriteAllText(stem + ".crt", certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey() ?? (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException($"Certificate {name} has no ECDSA or RSA private key to write.", nameof(certificate));
        WriteSecret(stem + ".key", System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        WriteSecret(stem + ".pfx", certificate.Export(X509ContentType.Pkcs12));
        return stem + ".pfx";
    }

    /// <summary>
    /// Writes a file holding a private key readable by its owner only (mode 0600 on Unix, set at creation so it is
    /// never readable by others, and again for a file that already existed with a wider mode).
    /// </summary>
    public static void WriteSecret(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, OwnerOnly);
            }
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(bytes);
        }
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Loads NAME.pfx (certificate with its private key) from the folder.</summary>
    public static X509Certificate2 Load(string folder, string name)
    {
        var path = Path.Combine(folder, name + ".pfx");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No {name}.pfx in {folder}: create the certificates first with `gatewayqkd kms certs --out {folder}`.", path);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    /// <summary>Loads the CA certificate only (no private key), for trusting peers.</summary>
    public static X509Certificate2 LoadCaCertificate(string folder)
    {
        var path = Path.Combine(folder, CaName + ".crt");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No {CaName}.crt in {folder}.", path);
        }

        return X509Certificate2.CreateFromPem(File.ReadAllText(path));
    }
}
