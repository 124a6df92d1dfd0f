using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Kms.Client;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>
/// A KMS on 127.0.0.1 port 0 over a fresh store (an SQLite file, or a new PostgreSQL database when a server is given) whose ETSI 014 reservation gateway 7 - central server holds 1024
/// random bytes (four 256-byte blocks); raw HTTP clients per SAE so tests see the exact JSON on the wire.
/// </summary>
public sealed class KmsHarness : IAsyncDisposable
{
    public const int SeededBytes = 1024;

    private readonly TempFolder _folder = new();
    private readonly List<HttpClient> _clients = [];

    private KmsHarness(TestCertificates certificates, EngineFixture? postgres)
    {
        Certificates = certificates;
        Database = postgres?.Create("postgres") ?? DatabaseEngine.Sqlite(_folder.File("kms.db"));
        Material = new byte[SeededBytes];
        new Random(7).NextBytes(Material);
    }

    public TestCertificates Certificates { get; }

    public byte[] Material { get; }

    public CentralKeyStore Store { get; private set; } = null!;

    public KmsServer Server { get; private set; } = null!;

    public DatabaseEngine Database { get; }

    public static async Task<KmsHarness> StartAsync(TestCertificates certificates, EngineFixture? postgres = null)
    {
        var harness = new KmsHarness(certificates, postgres);
        harness.Store = CentralKeyStore.Open(harness.Database);
        for (var i = 0; i < SeededBytes / 256; i++)
        {
            harness.Store.ReserveForEtsi014(7, 0, harness.Material[(i * 256)..((i + 1) * 256)]);
        }

        await harness.StartServerAsync();
        return harness;
    }

    /// <summary>Stops the server, closes the store, and starts a new store and server on the same database.</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Store.Dispose();
        Store = CentralKeyStore.Open(Database);
        await StartServerAsync();
    }

    public HttpClient Client(X509Certificate2? certificate)
    {
        var client = KmsHttpClientFactory.Create(Server.Url, certificate, Certificates.Ca);
        _clients.Add(client);
        return client;
    }

    public HttpClient Cs => Client(Certificates.Cs);

    public HttpClient Gn7 => Client(Certificates.Gn7);

    public HttpClient Gn8 => Client(Certificates.Gn8);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        Store.Dispose();
        _folder.Dispose();
    }

    private async Task StartServerAsync()
    {
        Server = await KmsServer.StartAsync(new KmsServerOptions
        {
            Store = Store,
            ServerCertificate = Certificates.Server,
            ClientCa = Certificates.Ca,

            // Two full test runs on 2 cores saw a client's handshake cut off by the server (EOF), as Kestrel does after
            // its 10 s handshake timeout; these tests judge keys, not handshake speed.
            HandshakeTimeout = TimeSpan.FromMinutes(1),
        });
        _clients.Clear();
    }
}
