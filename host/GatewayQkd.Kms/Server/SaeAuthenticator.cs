using System.Runtime.CompilerServices;
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
/// <remarks>
/// An accepted certificate object is remembered with its SAE node, so the later requests of a keep-alive connection
/// (Kestrel hands every request of a connection the one certificate object of its handshake) skip the chain build,
/// which costs more CPU than the rest of a request; the validity period is still checked on every request.
/// </remarks>
public sealed class SaeAuthenticator
{
    private readonly X509Certificate2 _ca;
    private readonly ConditionalWeakTable<X509Certificate2, AcceptedSae> _accepted = new();

    /// <summary>Creates the authenticator for one CA.</summary>
    public SaeAuthenticator(X509Certificate2 ca) => _ca = ca ?? throw new ArgumentNullException(nameof(ca));

    /// <summary>The caller's SAE node id, or a 401 <see cref="Etsi014Exception"/>.</summary>
    public ushort Authenticate(X509Certificate2? clientCertificate)
    {
        if (clientCertificate is null)
        {
            throw Unauthorized("no client certificate was presented (mutual TLS is required)");
        }

        var now = DateTime.Now;
        if (_accepted.TryGetValue(clientCertificate, out var known) && now >= known.NotBefore && now <= known.NotAfter)
        {
            return known.Node;
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

        _accepted.AddOrUpdate(clientCertificate, new AcceptedSae(node, clientCertificate.NotBefore, clientCertificate.NotAfter));
        return node;
    }

    private static Etsi014Exception Unauthorized(string detail) =>
        new(401, "unauthorized", ("client_certificate", detail));

    // X509Certificate2.NotBefore/NotAfter are local times, hence DateTime.Now above.
    private sealed record AcceptedSae(ushort Node, DateTime NotBefore, DateTime NotAfter);
}
