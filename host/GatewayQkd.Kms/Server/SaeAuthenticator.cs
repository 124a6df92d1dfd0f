using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.Sae;

namespace GatewayQkd.Kms.Server;

/// <summary>
/// Takes the calling SAE's identity from its TLS client certificate: the certificate must chain to the configured CA
/// with the clientAuth usage, and its subject common name must be an SAE id ("cs" or "gn-&lt;id&gt;"). Anything else
/// is a 401 with an ETSI error body (checked per request rather than in the TLS handshake so the caller gets a reason).
/// </summary>
public sealed class SaeAuthenticator
{
    private readonly X509Certificate2 _ca;

    /// <summary>Creates the authenticator for one CA.</summary>
    public SaeAuthenticator(X509Certificate2 ca) => _ca = ca ?? throw new ArgumentNullException(nameof(ca));

    /// <summary>The caller's SAE node id, or a 401 <see cref="Etsi014Exception"/>.</summary>
    public ushort Authenticate(X509Certificate2? clientCertificate)
    {
        if (clientCertificate is null)
        {
            throw Unauthorized("no client certificate was presented (mutual TLS is required)");
        }

        if (!CertificateTrust.IsIssuedBy(clientCertificate, _ca, CertificateTrust.ClientAuth, out var problem))
        {
            throw Unauthorized($"the client certificate is not accepted: {problem}");
        }

        var name = clientCertificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!SaeId.TryParse(name, out var node))
        {
            throw Unauthorized($"the client certificate's common name '{name}' is not an SAE id (cs or gn-<id>)");
        }

        return node;
    }

    private static Etsi014Exception Unauthorized(string detail) =>
        new(401, "unauthorized", ("client_certificate", detail));
}
