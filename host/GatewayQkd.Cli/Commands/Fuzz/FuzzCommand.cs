using System.CommandLine;
using System.Globalization;
using GatewayQkd.Cli.Commands.Options;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// The `fuzz` command: runs the fuzz targets (<see cref="FuzzTargets"/>) for a number of cases from a seed and prints,
/// per target, cases, failures and cases per second; the first failures name the seed that replays each. Exit code 1
/// when any case failed. The test suite runs the same targets (tests/GatewayQkd.Cli.Tests/Fuzz).
/// </summary>
public static class FuzzCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var targets = CliOption.Aliased(CliOption.List<string>("--target", $"Targets to fuzz: {string.Join(", ", FuzzTargets.Names)} (default: all)."), "-t");
        var cases = CliOption.Aliased(CliOption.Described<long>("--cases", "Cases per target.", 100_000), "-n");
        var seed = CliOption.Described("--seed", "Seed of the first case (case i uses seed + i).", 1);
        var list = CliOption.Described<bool>("--list", "List the targets and exit.");
        var command = new Command("fuzz", "Fuzz the frame openers, the gateway service, the settings parser, the scenario loader and the ETSI 014 JSON; print cases/s.");
        CliOption.AddTo(command, targets, cases, seed, list);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var names = parse.GetValue(targets) is { Length: > 0 } given ? given : [.. FuzzTargets.Names];
            if (parse.GetValue(list))
            {
                foreach (var name in FuzzTargets.Names)
                {
                    await output.WriteLineAsync($"{name}: {Describe(FuzzTargets.Create(name)!)}");
                }

                return 0;
            }

            var unknown = names.Where(n => !FuzzTargets.Names.Contains(n)).ToArray();
            if (unknown.Length > 0 || parse.GetValue(cases) < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(unknown.Length > 0
                    ? $"--target: unknown target(s) {string.Join(", ", unknown)}; known: {string.Join(", ", FuzzTargets.Names)}."
                    : "--cases: must be at least 1.");
                return 2;
            }

            var failed = false;
            foreach (var name in names)
            {
                var target = FuzzTargets.Create(name)!;
                try
                {
                    var report = FuzzRunner.Run(target, parse.GetValue(cases), parse.GetValue(seed), cancellationToken);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{report.Target,-9} {report.Cases,12:N0} cases  {report.Failed,6:N0} failed  {report.CasesPerSecond,12:N0} cases/s  ({report.Elapsed.TotalSeconds:0.0} s)"));
                    foreach (var failure in report.Failures)
                    {
                        await output.WriteLineAsync("  " + failure);
                    }

                    failed |= report.Failed > 0;
                }
                finally
                {
                    (target as IDisposable)?.Dispose();
                }
            }

            return failed ? 1 : 0;
        });
        return command;
    }

    private static string Describe(FuzzTarget target)
    {
        (target as IDisposable)?.Dispose();
        return target.Description;
    }
}
