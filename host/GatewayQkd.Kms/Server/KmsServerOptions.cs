using System.Security.Cryptography.X509Certificates;
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

    /// <summary>Gets the key policy.</summary>
    public KmsPolicy Policy { get; init; } = new();
}
