using System.Security.Cryptography.X509Certificates;

namespace GatewayQkd.Kms.Certificates;

/// <summary>Checks that a certificate chains to one given CA (and no system root) for one extended key usage.</summary>
public static class CertificateTrust
{
    /// <summary>Extended key usage OID of TLS clients.</summary>
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>Extended key usage OID of TLS servers.</summary>
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// True when <paramref name="certificate"/> is valid now, issued by <paramref name="ca"/>, and carries an extended
    /// key usage extension that names the usage. A certificate without the extension is refused: X509Chain treats a
    /// missing EKU as "any usage" (RFC 5280 s4.2.1.12 leaves that to the application), and an SAE must be a TLS client.
    /// </summary>
    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 ca, string usageOid, out string problem)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(ca);
        if (!NamesUsage(certificate, usageOid))
        {
            problem = $"the certificate has no extended key usage {usageOid}";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(usageOid));
        if (chain.Build(certificate))
        {
            problem = string.Empty;
            return true;
        }

        problem = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
        if (problem.Length == 0)
        {
            problem = "the certificate does not chain to the trusted CA";
        }

        return false;
    }

    private static bool NamesUsage(X509Certificate2 certificate, string usageOid) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(e => e.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Any(o => o.Value == usageOid));
}
