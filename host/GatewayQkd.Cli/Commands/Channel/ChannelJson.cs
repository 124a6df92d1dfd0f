using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GatewayQkd.Channel.Link;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// A run as JSON: { "model_version", "title", "x_name", "inputs": {every option of the run}, "series_inputs": {label: the
/// link options of the series' first point}, "fields": [{name, unit, description}], "rows": [{ "series", x_name,
/// fields... , "gn": [...] (network runs) }] }. Non-finite numbers are written as null.
/// </summary>
public static class ChannelJson
{
    private static readonly JsonSerializerOptions InputFormat = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The run as indented JSON text.</summary>
    public static string Write(ChannelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model_version", LinkModel.Version);
            json.WriteString("title", run.Title);
            WriteNullableString(json, "x_name", run.XName);
            if (run.Options is { } options)
            {
                json.WritePropertyName("inputs");
                JsonSerializer.Serialize(json, options, InputFormat);
            }

            json.WriteStartObject("series_inputs");
            foreach (var label in run.SeriesLabels)
            {
                json.WritePropertyName(label);
                JsonSerializer.Serialize(json, run.Rows.First(r => r.Series == label).Link.Budget.Options, InputFormat);
            }

            json.WriteEndObject();
            json.WriteStartArray("fields");
            foreach (var (name, unit, description) in ChannelFields.Described(run.Network))
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("unit", unit);
                json.WriteString("description", description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in run.Rows)
            {
                WriteRow(json, run, row);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRow(Utf8JsonWriter json, ChannelRun run, ChannelRow row)
    {
        json.WriteStartObject();
        json.WriteString("series", row.Series);
        if (run.XName is not null)
        {
            WriteNumber(json, run.XName, row.X);
        }

        foreach (var field in LinkFields.All)
        {
            WriteNumber(json, field.Name, field.Value(row.Link));
        }

        if (row.Network is { } network)
        {
            foreach (var field in NetworkFields.All)
            {
                WriteNumber(json, field.Name, field.Value(network));
            }

            json.WriteStartArray("gn");
            foreach (var node in network.Nodes)
            {
                json.WriteStartObject();
                json.WriteNumber("gn", node.Node + 1);
                WriteNumber(json, "distance_km", node.DistanceKm);
                WriteNumber(json, "downlink_skr_bps", node.DownlinkKeyRateBitsPerSecond);
                WriteNumber(json, "uplink_share_bps", node.UplinkShareBitsPerSecond);
                WriteNumber(json, "end_to_end_skr_bps", node.EndToEndKeyRateBitsPerSecond);
                WriteNumber(json, "avg_qber", node.Downlink.Averaged.Qber);
                WriteNumber(json, "avg_single_photon_qber", node.Downlink.Averaged.SinglePhotonQber);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
