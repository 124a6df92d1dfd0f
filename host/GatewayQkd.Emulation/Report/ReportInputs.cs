using System.Globalization;
using System.Text.Json.Nodes;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Report;

/// <summary>
/// The inputs of a run as every report file carries them: every option (scenario key names; the broker password
/// never), the program and its version, and where the run started from, so a result file alone says how to make it
/// again (docs/emulation.md s5).
/// </summary>
public static class ReportInputs
{
    /// <summary>Returns the options as a JSON object with the scenario file's keys (a scenario that repeats the run).</summary>
    public static JsonObject Options(EmulationOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var inputs = new JsonObject
        {
            ["name"] = o.Name,
            ["durationSeconds"] = o.Duration.TotalSeconds,
            ["speed"] = o.Speed,
            ["virtualTime"] = o.VirtualTime,
            ["seed"] = o.Seed,
            ["gateways"] = o.Gateways,
            ["boardGateways"] = new JsonArray([.. o.BoardGateways.Select(id => (JsonNode)(int)id)]),
            ["sensorsPerGateway"] = o.SensorsPerGateway,
            ["requestMeanIntervalSeconds"] = o.RequestMeanIntervalSeconds,
            ["securityLevels"] = new JsonArray([.. o.SecurityLevels.Select(l => (JsonNode)l)]),
            ["keyRateModel"] = o.KeyRateModel.ToString().ToLowerInvariant(),
            ["keyRateBitsPerSecond"] = o.KeyRateBitsPerSecond,
            ["hapTerminals"] = o.HapTerminals,
            ["blockBytes"] = o.BlockBytes,
            ["poolCapacityBits"] = o.PoolCapacityBits,
            ["slotSeconds"] = o.SlotSeconds,
            ["statusIntervalSeconds"] = o.StatusIntervalSeconds,
            ["tradeOff"] = o.TradeOff,
            ["listen"] = o.EmbeddedBrokerListen.ToString(),
            ["kmsPort"] = o.KmsPort,
            ["kmsCerts"] = o.KmsCertFolder,
            ["dataFolder"] = o.DataFolder,
            ["outputFolder"] = o.OutputFolder,
            ["sampleIntervalSeconds"] = o.SampleIntervalSeconds,
        };
        if (o.ExternalBroker is { } b)
        {
            inputs["broker"] = new JsonObject
            {
                ["host"] = b.Host,
                ["port"] = b.Port,
                ["tls"] = b.UseTls,
                ["caFile"] = b.CaCertificateFile,
                ["insecure"] = b.AllowUntrustedCertificates,
                ["username"] = b.Username,
            };
        }

        return inputs;
    }

    /// <summary>Returns the run's start: its number in the data folder and, when it resumed, what it found there.</summary>
    public static JsonObject Run(RunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new JsonObject
        {
            ["number"] = start.RunNumber,
            ["resumed"] = start.Resumed,
            ["state_at_start"] = new JsonObject
            {
                ["central_store_blocks"] = start.StoreBlocks,
                ["central_store_unacknowledged_blocks"] = start.StoreUnacknowledgedBlocks,
                ["pool_bits"] = start.PoolBits,
                ["lost_bits_before_run"] = start.LostBitsBefore,
            },
        };
    }

    /// <summary>
    /// Returns the comment lines that head each CSV file ("# " + text; read with e.g. pandas comment='#'): the
    /// program and version, the run, and the inputs as one JSON object.
    /// </summary>
    public static string CsvHeader(EmulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture,
            $"# {ProgramInfo.Name} {ProgramInfo.Version}; run {report.Start.RunNumber}{(report.Start.Resumed ? " (resumed)" : string.Empty)}\n# inputs: {Options(report.Options).ToJsonString()}\n");
    }
}
