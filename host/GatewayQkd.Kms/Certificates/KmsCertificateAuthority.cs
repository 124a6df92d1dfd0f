using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Sae;

namespace GatewayQkd.Kms.Certificates;

/// <summary>
/// A local certificate authority for tests and demos: an ECDSA P-256 CA that issues the KMS server certificate
/// (serverAuth, with DNS/IP subject alternative names) and SAE client certificates (clientAuth, subject CN = the SAE
/// id, e.g. "cs" or "gn-7"). Not for production: the keys are written unencrypted.
/// </summary>
public sealed class KmsCertificateAuthority : IDisposable
{
    private static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(825);

    private KmsCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>Gets the CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates a new self-signed CA valid for 825 days (the CA/Browser Forum's former leaf maximum).</summary>
    public static KmsCertificateAuthority Create(string name = "GatewayQkd test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(DefaultValidity));
        return new KmsCertificateAuthority(Reload(created));
    }

    /// <summary>Wraps an existing CA certificate that carries its private key.</summary>
    public static KmsCertificateAuthority FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("The CA certificate needs its private key to issue certificates.", nameof(certificate));
        }

        return new KmsCertificateAuthority(certificate);
    }

    /// <summary>Issues a client certificate for an SAE; the SAE id must be "cs" or "gn-&lt;id&gt;".</summary>
    public X509Certificate2 IssueSae(string saeId)
    {
        if (!SaeId.TryParse(saeId, out _))
        {
            throw new ArgumentException($"'{saeId}' is not an SAE id (cs or gn-<1..65535>).", nameof(saeId));
        }

        return Issue(saeId, "1.3.6.1.5.5.7.3.2", sans: null);
    }

    /// <summary>Issues the KMS server certificate for the given host names and IP addresses.</summary>
    public X509Certificate2 IssueServer(IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var sans = new SubjectAlternativeNameBuilder();
        var any = false;
        foreach (var host in hosts)
        {
            any = true;
            if (IPAddress.TryParse(host, out var address))
            {
                sans.AddIpAddress(address);
            }
            else
            {
                sans.AddDnsName(host);
            }
        }

        if (!any)
        {
            throw new ArgumentException("The server certificate needs at least one host name or address.", nameof(hosts));
        }

        return Issue("GatewayQkd KMS", "1.3.6.1.5.5.7.3.1", sans);
    }

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(string commonName, string extendedUsage, SubjectAlternativeNameBuilder? sans)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + commonName), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (sans is not null)
        {
            request.CertificateExtensions.Add(sans.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = Certificate.NotAfter.ToUniversalTime() < DateTime.UtcNow.Add(DefaultValidity)
            ? new DateTimeOffset(Certificate.NotAfter.ToUniversalTime())
            : DateTimeOffset.UtcNow.Add(DefaultValidity);
        using var issued = request.Create(Certificate, DateTimeOffset.UtcNow.AddMinutes(-5), notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    // A PKCS#12 round trip gives a certificate whose key TLS stacks accept on every platform (no ephemeral key).
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
}
