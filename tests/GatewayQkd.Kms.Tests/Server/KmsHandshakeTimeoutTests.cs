using System.Net.Sockets;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>A connection that never completes the TLS handshake is dropped after the server's handshake timeout.</summary>
[Collection(KmsCollection.Name)]
public sealed class KmsHandshakeTimeoutTests(TestCertificates certificates)
{
    [Fact]
    public async Task A_Silent_Connection_Is_Dropped_After_The_Configured_Handshake_Timeout()
    {
        using var folder = new TempFolder();
        using var store = CentralKeyStore.Open(DatabaseEngine.Sqlite(folder.File("kms.db")));
        await using var server = await KmsServer.StartAsync(new KmsServerOptions
        {
            Store = store,
            ServerCertificate = certificates.Server,
            ClientCa = certificates.Ca,
            HandshakeTimeout = TimeSpan.FromSeconds(1),
        });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Url.Host, server.Url.Port);
        var stream = tcp.GetStream();

        // Kestrel's default (10 s) would still hold the connection after 6 s; the configured 1 s must have closed it.
        using var waited = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        int read = await stream.ReadAsync(new byte[1], waited.Token);

        Assert.Equal(0, read);
    }
}
