using System.CommandLine;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>The `emulate` options of the ETSI GS QKD 014 KMS served on the run's central key store (docs/emulation.md).</summary>
internal sealed class KmsCliOptions
{
    public Option<int?> Port { get; } = CliOption.Checked(
        CliOption.Described<int?>("--kms-port", "Serve the central key store over ETSI GS QKD 014 (HTTPS, mutual TLS) on this port; 0 = a free port. Absent: no KMS."),
        port => port is < 0 or > 65535 ? $"--kms-port must be 0..65535 (0 = a free port), got {port}." : null);

    public Option<string?> Certs { get; } = CliOption.Checked(
        CliOption.Described<string?>("--kms-certs", "KMS certificate folder (default: certs in the data folder; missing certificates for cs and gn-<id> are created, an existing CA is kept)."),
        folder => folder is not null && (string.IsNullOrWhiteSpace(folder) || File.Exists(folder)) ? $"--kms-certs: '{folder}' is not a folder path." : null);

    /// <summary>Adds the options to <paramref name="command"/>; the scenario keys they set go into <paramref name="names"/>.</summary>
    public void AddTo(Command command, OptionMap names) => CliOption.AddTo(command, names.Sets(Port, "kmsPort"), names.Sets(Certs, "kmsCerts"));

    /// <summary>Returns <paramref name="options"/> with the KMS settings given on the command line.</summary>
    public EmulationOptions Apply(ParseResult parse, EmulationOptions options) => options with
    {
        KmsPort = parse.GetValue(Port) ?? options.KmsPort,
        KmsCertFolder = parse.GetValue(Certs) ?? options.KmsCertFolder,
    };
}
