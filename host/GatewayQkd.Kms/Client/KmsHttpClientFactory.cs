using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Certificates;

namespace GatewayQkd.Kms.Client;

/// <summary>
/// HttpClients for talking to the KMS as an SAE: the client certificate is presented in the TLS handshake, and the
/// server certificate is trusted only when it chains to the given CA and matches the host name.
/// </summary>
public static class KmsHttpClientFactory
{
    /// <summary>A client with base address <paramref name="kmsUrl"/>; pass a null certificate to call without one.</summary>
    public static HttpClient Create(Uri kmsUrl, X509Certificate2? clientCertificate, X509Certificate2 ca) =>
        Create(kmsUrl, clientCertificate, ca, HttpVersion.Version11);

    /// <summary>
    /// As <see cref="Create(Uri, X509Certificate2?, X509Certificate2)"/>, speaking <paramref name="httpVersion"/> exactly
    /// (1.1: one keep-alive connection per request in flight; 2.0: all concurrent requests multiplexed on one TLS
    /// connection, negotiated by ALPN; a server without it refuses the request).
    /// </summary>
    public static HttpClient Create(Uri kmsUrl, X509Certificate2? clientCertificate, X509Certificate2 ca, Version httpVersion)
    {
        ArgumentNullException.ThrowIfNull(httpVersion);
        ArgumentNullException.ThrowIfNull(kmsUrl);
        ArgumentNullException.ThrowIfNull(ca);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // The ETSI 014 API neither redirects nor sets cookies, and following a redirect would present the SAE's
            // certificate to another server; no trace headers are added either. Each is a handler stage less per request.
            AllowAutoRedirect = false,
            UseCookies = false,
            ActivityHeadersPropagator = null,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0
                    && certificate is X509Certificate2 server
                    && CertificateTrust.IsIssuedBy(server, ca, CertificateTrust.ServerAuth, out _),
            },
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = kmsUrl,
            DefaultRequestVersion = httpVersion,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }
}
