using System.CommandLine;
using GatewayQkd.Kms.Certificates;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>The `kms certs` command: a local CA, the KMS server certificate and SAE client certificates for tests and demos.</summary>
public static class KmsCertsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder to write NAME.crt, NAME.key and NAME.pfx into (an existing ca.pfx there is reused)",
            DefaultValueFactory = _ => "certs",
        };
        var saes = new Option<string[]>("--sae")
        {
            Description = "SAE ids to issue client certificates for (cs, gn-<id>); repeat or list several",
            DefaultValueFactory = _ => ["cs", "gn-1"],
            AllowMultipleArgumentsPerToken = true,
        };
        var hosts = new Option<string[]>("--host")
        {
            Description = "Host names and IP addresses the server certificate is valid for",
            DefaultValueFactory = _ => [.. CertificateKit.LoopbackHosts],
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("certs",
            "Create a local CA, the KMS server certificate and SAE client certificates (PEM and PFX, unencrypted: " +
            "for tests and demos only).");
        command.Options.Add(output);
        command.Options.Add(saes);
        command.Options.Add(hosts);
        command.SetAction(parseResult =>
        {
            try
            {
                var written = CertificateKit.Create(parseResult.GetValue(output)!, parseResult.GetValue(saes)!,
                    parseResult.GetValue(hosts)!);
                foreach (var file in written)
                {
                    parseResult.InvocationConfiguration.Output.WriteLine($"wrote {file} (+ .crt, .key)");
                }

                return 0;
            }
            catch (ArgumentException e)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"gatewayqkd kms certs: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
