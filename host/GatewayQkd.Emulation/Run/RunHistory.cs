using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Report;

namespace GatewayQkd.Emulation.Run;

/// <summary>
/// The runs a data folder has seen (docs/emulation.md s3): each run appends one line to runs.log there, so a run on
/// a folder that already holds a deployment knows it resumes and which run it is. Run 1 writes its report into the
/// output folder; run N (N > 1) into output folder/run-N, so a resumed run never overwrites an earlier report.
/// </summary>
public static class RunHistory
{
    /// <summary>The history file's name inside the data folder.</summary>
    public const string FileName = "runs.log";

    /// <summary>
    /// Returns the number the next run on <paramref name="dataFolder"/> gets: 1 for a new deployment, else one more
    /// than the runs recorded (a deployment without a record, made by an older version, counts as one run). The
    /// master secret alone (written by `--board-config` before the first run) does not count as a run.
    /// </summary>
    public static int NextRunNumber(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        var recorded = File.Exists(path) ? File.ReadLines(path).Count(l => l.StartsWith("run ", StringComparison.Ordinal)) : 0;
        var deployed = File.Exists(new EmulationOptions { DataFolder = dataFolder }.KeyStoreFile); // the secrets alone (--board-config) are no run

        return Math.Max(recorded, deployed ? 1 : 0) + 1;
    }

    /// <summary>Returns the report folder of run <paramref name="runNumber"/>: the output folder, or output folder/run-N for a resumed run.</summary>
    public static string ReportFolder(EmulationOptions options, int runNumber)
    {
        ArgumentNullException.ThrowIfNull(options);
        return runNumber <= 1 ? options.OutputFolder : Path.Combine(options.OutputFolder, $"run-{runNumber}");
    }

    /// <summary>Appends run <paramref name="runNumber"/> to the data folder's history.</summary>
    public static void Record(string dataFolder, int runNumber, string reportFolder) =>
        File.AppendAllText(Path.Combine(dataFolder, FileName), $"run {runNumber}: {ProgramInfo.Name} {ProgramInfo.Version}, report in {reportFolder}\n");
}
