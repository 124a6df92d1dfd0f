using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>ETSI GS QKD 014 V1.1.1 s6.5 Error data format: a message and optional details objects.</summary>
public sealed record ErrorResponse
{
    [JsonPropertyName("message")] public required string Message { get; init; }

    [JsonPropertyName("details")] public IReadOnlyList<IReadOnlyDictionary<string, string>>? Details { get; init; }
}
