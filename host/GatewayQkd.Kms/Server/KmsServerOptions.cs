using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.Server;

/// <summary>How to start a <see cref="KmsServer"/>.</summary>
public sealed class KmsServerOptions
{
    /// <summary>Gets the store to serve (shared with the emulator); the server does not dispose it.</summary>
    public required CentralKeyStore Store { get; init; }

    /// <summary>Gets the TLS server certificate with its private key (e.g. server.pfx from `kms certs`).</summary>
    public required X509Certificate2 ServerCertificate { get; init; }

    /// <summary>Gets the CA that issued the SAE client certificates; only its certificates are accepted.</summary>
    public required X509Certificate2 ClientCa { get; init; }

    /// <summary>Gets the listening address (default 127.0.0.1: loopback only).</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>Gets the TCP port (default 0: any free port; read the bound one from <see cref="KmsServer.Url"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// Gets how long a client may take to complete the TLS handshake before the server drops the connection (default
    /// 10 s, Kestrel's own default for HttpsConnectionAdapterOptions.HandshakeTimeout). The loopback benchmark allows
    /// more: once, in a full test run on a loaded 2-core machine, its client saw the server close the connection in the
    /// middle of the handshake (what Kestrel does when a handshake outlasts this timeout), and that failed the run.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the key policy.</summary>
    public KmsPolicy Policy { get; init; } = new();

    /// <summary>
    /// Options for serving <paramref name="store"/> with the certificates `kms certs` wrote to <paramref name="folder"/>
    /// (ca.crt, server.pfx), listening on <paramref name="address"/>:<paramref name="port"/> (0 = any free port). The
    /// caller disposes <see cref="ServerCertificate"/> and <see cref="ClientCa"/> after the server stops.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder lacks ca.crt or server.pfx (the message says how to make them).</exception>
    public static KmsServerOptions FromCertificateFolder(CentralKeyStore store, string folder, string address = "127.0.0.1",
        int port = 0) => new()
    {
        Store = store,
        ServerCertificate = CertificateFolder.Load(folder, CertificateFolder.ServerName),
        ClientCa = CertificateFolder.LoadCaCertificate(folder),
        Address = address,
        Port = port,
    };
}
