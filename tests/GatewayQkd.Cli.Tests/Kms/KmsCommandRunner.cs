using System.CommandLine;
using GatewayQkd.Cli.Commands;

namespace GatewayQkd.Cli.Tests.Kms;

/// <summary>Runs `gatewayqkd kms ...` in-process through the root command with captured output and error streams.</summary>
internal static class KmsCommandRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = GatewayQkdRootCommand.Create().Parse(["kms", .. args])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Every file below <paramref name="folder"/> with its bytes, to show that a refused command changed nothing.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(File.ReadAllBytes(f)),
                StringComparer.Ordinal);
}
