using System.CommandLine;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>
/// The `kms` command: serves the central key store over HTTPS with ETSI GS QKD 014 (mutual TLS; SAE "cs" is the
/// central server, "gn-&lt;id&gt;" gateway id). Subcommands: `certs` (test/demo certificates) and `bench`.
/// </summary>
public static class KmsCommand
{
    // 30 days: Task.Delay takes at most about 49.7 days (uint.MaxValue - 1 ms).
    private const int MaxSeconds = 30 * 24 * 3600;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var database = CliOption.Parsed(CliOption.Described("--db",
            "The central key store: an SQLite file (created when missing), or a PostgreSQL database as " +
            "postgres://user[:password]@host[:port]/database or an Npgsql connection string (tables created when missing)",
            "kms.db"), text => DatabaseEngine.Parse(text));
        var certs = CliOption.Described("--certs", "Folder made by `gatewayqkd kms certs` (ca.crt, server.pfx)",
            KmsCertsCommand.DefaultCertificateFolder);
        var address = CliOption.Checked(CliOption.Described("--address", "IP address to listen on", "127.0.0.1"),
            value => IPAddress.TryParse(value, out _) ? null : $"--address must be an IP address, got '{value}'.");
        var port = CliOption.Bounded("--port", "TCP port (0 = any free port)", 8443, 0, IPEndPoint.MaxPort);
        var seconds = CliOption.Bounded("--seconds", "Stop after this many seconds (0 = run until Ctrl+C)", 0, 0,
            MaxSeconds);

        var command = new Command("kms",
            "Serve the central key store over HTTPS with the ETSI GS QKD 014 REST interface (mutual TLS). " +
            "SAE ids: cs = central server, gn-<id> = gateway <id>. See docs/kms.md.");
        CliOption.AddTo(command, database, certs, address, port, seconds);
        command.Subcommands.Add(KmsCertsCommand.Create());
        command.Subcommands.Add(KmsBenchCommand.Create());
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(certs)!;
            if (!File.Exists(Path.Combine(folder, "ca.crt")) || !File.Exists(Path.Combine(folder, "server.pfx")))
            {
                await error.WriteLineAsync($"gatewayqkd kms: --certs {folder} has no ca.crt and server.pfx; create them " +
                    $"with `gatewayqkd kms certs --out {folder}`.").ConfigureAwait(false);
                return 2;
            }

            // Certificates before the store: a refused start must not leave a new, empty store file behind.
            X509Certificate2? ca = null;
            X509Certificate2 serverCertificate;
            try
            {
                ca = CertificateFolder.LoadCaCertificate(folder);
                serverCertificate = CertificateFolder.Load(folder, CertificateFolder.ServerName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                ca?.Dispose();
                await error.WriteLineAsync($"gatewayqkd kms: --certs {folder}: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            using var caScope = ca;
            using var serverCertificateScope = serverCertificate;
            var engine = DatabaseEngine.Parse(parseResult.GetValue(database)!);
            var newStore = engine.SqliteFile is { } file && !File.Exists(file);
            CentralKeyStore store;
            try
            {
                store = CentralKeyStore.Open(engine);
            }
            catch (KeyStoreException e)
            {
                await error.WriteLineAsync($"gatewayqkd kms: --db: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            using var storeScope = store;
            var options = new KmsServerOptions
            {
                Store = store,
                ServerCertificate = serverCertificate,
                ClientCa = ca,
                Address = parseResult.GetValue(address)!,
                Port = parseResult.GetValue(port),
            };
            KmsServer server;
            try
            {
                server = await KmsServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                store.Dispose();
                if (newStore && store.FilePath is { } path)
                {
                    // A refused start leaves no new, empty store behind (SQLite's WAL and shared-memory files included).
                    foreach (var suffix in (string[])["", "-wal", "-shm"])
                    {
                        File.Delete(path + suffix);
                    }
                }

                await error.WriteLineAsync($"gatewayqkd kms: cannot start: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await using (server.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"KMS listening on {server.Url}api/v1/keys/ (store {store.Engine})")
                    .ConfigureAwait(false);
                foreach (var counts in store.GetAllCounts())
                {
                    await output.WriteLineAsync($"  stream {counts.Stream}: {counts.AvailableBits} bits available, " +
                        $"{counts.UsedBits} used, {counts.GeneratedBits} generated").ConfigureAwait(false);
                }

                await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
                var limit = parseResult.GetValue(seconds);
                try
                {
                    await Task.Delay(limit == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(limit), cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop cleanly below.
                }
            }

            await output.WriteLineAsync("KMS stopped.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
