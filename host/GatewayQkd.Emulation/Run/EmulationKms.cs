using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Sae;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.Run;

/// <summary>
/// The ETSI GS QKD 014 KMS served inside a run (docs/emulation.md, "The ETSI 014 server inside emulate"): the run's own
/// <see cref="CentralKeyStore"/> (thread-safe, shared with the central server) over mutual-TLS HTTPS. Missing
/// certificates are made with <see cref="CertificateKit"/> for `cs` and `gn-&lt;id&gt;` of every gateway, keeping an
/// existing CA. Dispose to stop the server and release its certificates.
/// </summary>
public sealed class EmulationKms : IAsyncDisposable
{
    /// <summary>
    /// The ETSI 014 reservation the central server keeps per gateway while the KMS is on, in bytes: 16 keys of the
    /// default 256-bit key_size (docs/kms.md, "The ETSI 014 reservation").
    /// </summary>
    public const int ReserveBytesPerGateway = 16 * 256 / 8;

    private readonly KmsServer _server;
    private readonly X509Certificate2 _serverCertificate;
    private readonly X509Certificate2 _ca;

    private EmulationKms(KmsServer server, KmsServerOptions options, string certificateFolder, IReadOnlyList<string> created)
    {
        _server = server;
        _serverCertificate = options.ServerCertificate;
        _ca = options.ClientCa;
        CertificateFolder = certificateFolder;
        CreatedFiles = created;
    }

    /// <summary>Gets the bound base URL, e.g. https://127.0.0.1:41234/ (routes under api/v1/keys/).</summary>
    public Uri Url => _server.Url;

    /// <summary>Gets the certificate folder (ca.crt, server.pfx, cs.*, gn-&lt;id&gt;.*).</summary>
    public string CertificateFolder { get; }

    /// <summary>Gets the certificate files this start wrote (empty when the folder already had them all).</summary>
    public IReadOnlyList<string> CreatedFiles { get; }

    /// <summary>
    /// Starts the KMS on <paramref name="store"/> at 127.0.0.1:<paramref name="port"/> (0 = a free port), first making
    /// the certificates of `cs` and every gateway in <paramref name="gatewayIds"/> that <paramref name="folder"/> lacks.
    /// </summary>
    public static async Task<EmulationKms> StartAsync(CentralKeyStore store, string folder, int port, IEnumerable<ushort> gatewayIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(gatewayIds);
        var saes = new[] { SaeId.ForNode(0) }.Concat(gatewayIds.Select(SaeId.ForNode)).ToList();
        var needed = new[] { Kms.Certificates.CertificateFolder.CaName + ".crt", Kms.Certificates.CertificateFolder.ServerName + ".pfx" }
            .Concat(saes.Select(s => s + ".pfx"));
        IReadOnlyList<string> created = needed.All(f => File.Exists(Path.Combine(folder, f)))
            ? []
            : CertificateKit.Create(folder, saes, CertificateKit.LoopbackHosts);
        var options = KmsServerOptions.FromCertificateFolder(store, folder, port: port);
        try
        {
            var server = await KmsServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            return new EmulationKms(server, options, folder, created);
        }
        catch
        {
            options.ServerCertificate.Dispose();
            options.ClientCa.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        _serverCertificate.Dispose();
        _ca.Dispose();
    }
}
