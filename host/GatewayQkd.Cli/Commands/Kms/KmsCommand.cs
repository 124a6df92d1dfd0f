using System.CommandLine;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>
/// The `kms` command: serves the central key store over HTTPS with ETSI GS QKD 014 (mutual TLS; SAE "cs" is the
/// central server, "gn-&lt;id&gt;" gateway id). Subcommands: `certs` (test/demo certificates) and `bench`.
/// </summary>
public static class KmsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var database = new Option<string>("--db")
        {
            Description = "SQLite file of the central key store (created when missing)",
            DefaultValueFactory = _ => "kms.db",
        };
        var certs = new Option<string>("--certs")
        {
            Description = "Folder made by `gatewayqkd kms certs` (ca.crt, server.pfx)",
            DefaultValueFactory = _ => "certs",
        };
        var address = new Option<string>("--address")
        {
            Description = "IP address to listen on",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port")
        {
            Description = "TCP port (0 = any free port)",
            DefaultValueFactory = _ => 8443,
        };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be within 0..65535.");
            }
        });
        var seconds = new Option<int>("--seconds")
        {
            Description = "Stop after this many seconds (0 = run until Ctrl+C)",
            DefaultValueFactory = _ => 0,
        };
        seconds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--seconds must not be negative.");
            }
        });

        var command = new Command("kms",
            "Serve the central key store over HTTPS with the ETSI GS QKD 014 REST interface (mutual TLS). " +
            "SAE ids: cs = central server, gn-<id> = gateway <id>. See docs/kms.md.");
        command.Options.Add(database);
        command.Options.Add(certs);
        command.Options.Add(address);
        command.Options.Add(port);
        command.Options.Add(seconds);
        command.Subcommands.Add(KmsCertsCommand.Create());
        command.Subcommands.Add(KmsBenchCommand.Create());
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folder = parseResult.GetValue(certs)!;
            if (!File.Exists(Path.Combine(folder, "ca.crt")) || !File.Exists(Path.Combine(folder, "server.pfx")))
            {
                await error.WriteLineAsync($"gatewayqkd kms: {folder} has no ca.crt and server.pfx; create them with " +
                    $"`gatewayqkd kms certs --out {folder}`.").ConfigureAwait(false);
                return 2;
            }

            CentralKeyStore store;
            try
            {
                store = CentralKeyStore.Open(parseResult.GetValue(database)!);
            }
            catch (KeyStoreException e)
            {
                await error.WriteLineAsync($"gatewayqkd kms: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            using var storeScope = store;
            var options = KmsServerOptions.FromCertificateFolder(store, folder, parseResult.GetValue(address)!,
                parseResult.GetValue(port));
            using var serverCertificate = options.ServerCertificate;
            using var ca = options.ClientCa;
            KmsServer server;
            try
            {
                server = await KmsServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                await error.WriteLineAsync($"gatewayqkd kms: cannot start: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await using (server.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"KMS listening on {server.Url}api/v1/keys/ (store {store.FilePath})")
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
