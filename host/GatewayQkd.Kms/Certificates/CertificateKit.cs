using GatewayQkd.Kms.Sae;

namespace GatewayQkd.Kms.Certificates;

/// <summary>
/// What `kms certs` makes: a folder with a CA, the KMS server certificate and one client certificate per SAE (layout
/// in <see cref="CertificateFolder"/>). A folder that already has ca.pfx keeps its CA, so SAEs can be added later and
/// earlier certificates stay valid.
/// </summary>
public static class CertificateKit
{
    /// <summary>Default server names: loopback by name and by IPv4 and IPv6 address.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["localhost", "127.0.0.1", "::1"];

    /// <summary>Creates (or extends) the kit in <paramref name="folder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Create(string folder, IEnumerable<string> saeIds, IEnumerable<string> serverHosts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(saeIds);
        var saes = saeIds.Distinct(StringComparer.Ordinal).ToList();
        var hosts = serverHosts?.ToList() ?? throw new ArgumentNullException(nameof(serverHosts));
        var bad = saes.FirstOrDefault(sae => !SaeId.TryParse(sae, out _));
        if (bad is not null)
        {
            throw new ArgumentException($"'{bad}' is not an SAE id (cs or gn-<1..65535>); nothing was written.", nameof(saeIds));
        }

        var written = new List<string>();
        var caPath = Path.Combine(folder, CertificateFolder.CaName + ".pfx");
        using var ca = File.Exists(caPath)
            ? KmsCertificateAuthority.FromCertificate(CertificateFolder.Load(folder, CertificateFolder.CaName))
            : KmsCertificateAuthority.Create();
        if (!File.Exists(caPath))
        {
            written.Add(CertificateFolder.Write(folder, CertificateFolder.CaName, ca.Certificate));
        }

        using (var server = ca.IssueServer(hosts))
        {
            written.Add(CertificateFolder.Write(folder, CertificateFolder.ServerName, server));
        }

        foreach (var sae in saes)
        {
            using var client = ca.IssueSae(sae);
            written.Add(CertificateFolder.Write(folder, sae, client));
        }

        return written;
    }
}
