using System.CommandLine;
using System.Security.Cryptography;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Sae;

namespace GatewayQkd.Cli.Commands.Kms;

/// <summary>The `kms certs` command: a local CA, the KMS server certificate and SAE client certificates for tests and demos.</summary>
public static class KmsCertsCommand
{
    /// <summary>Default certificate folder of `kms certs --out` and `kms --certs`.</summary>
    public const string DefaultCertificateFolder = "certs";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var output = CliOption.Described("--out",
            "Folder to write NAME.crt, NAME.key and NAME.pfx into (an existing ca.pfx there is reused)",
            DefaultCertificateFolder);
        var saes = CliOption.Checked(
            CliOption.List("--sae", "SAE ids to issue client certificates for (cs, gn-<id>); repeat or list several",
                ["cs", "gn-1"]),
            ids => ids.FirstOrDefault(sae => !SaeId.TryParse(sae, out _)) is { } bad
                ? $"--sae: '{bad}' is not an SAE id (cs or gn-<1..65535>)."
                : null);
        var hosts = CliOption.List("--host", "Host names and IP addresses the server certificate is valid for",
            CertificateKit.LoopbackHosts);
        var command = new Command("certs",
            "Create a local CA, the KMS server certificate and SAE client certificates (PEM and PFX, unencrypted: " +
            "for tests and demos only).");
        CliOption.AddTo(command, output, saes, hosts);
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
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException
                or CryptographicException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(
                    $"gatewayqkd kms certs: --out {parseResult.GetValue(output)}: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
