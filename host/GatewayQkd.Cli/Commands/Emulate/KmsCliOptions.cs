using System.CommandLine;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>The `emulate` options of the ETSI GS QKD 014 KMS served on the run's central key store (docs/emulation.md).</summary>
internal sealed class KmsCliOptions
{
    public Option<int?> Port { get; } = new("--kms-port") { Description = "Serve the central key store over ETSI GS QKD 014 (HTTPS, mutual TLS) on this port; 0 = a free port. Absent: no KMS." };

    public Option<string?> Certs { get; } = new("--kms-certs") { Description = "KMS certificate folder (default: certs in the data folder; missing certificates for cs and gn-<id> are created, an existing CA is kept)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(Certs);
        Port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } port and (< 0 or > 65535))
            {
                r.AddError($"--kms-port: must be 0..65535 (0 = a free port), got {port}.");
            }
        });
        Certs.Validators.Add(r =>
        {
            var folder = r.GetValueOrDefault<string?>();
            if (folder is not null && (string.IsNullOrWhiteSpace(folder) || File.Exists(folder)))
            {
                r.AddError($"--kms-certs: '{folder}' is not a folder path.");
            }
        });
    }

    /// <summary>Returns <paramref name="options"/> with the KMS settings given on the command line.</summary>
    public EmulationOptions Apply(ParseResult parse, EmulationOptions options) => options with
    {
        KmsPort = parse.GetValue(Port) ?? options.KmsPort,
        KmsCertFolder = parse.GetValue(Certs) ?? options.KmsCertFolder,
    };
}
