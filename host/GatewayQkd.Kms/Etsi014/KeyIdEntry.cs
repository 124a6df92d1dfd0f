using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>One entry of a Key IDs request.</summary>
public sealed record KeyIdEntry
{
    [JsonPropertyName("key_ID")] public string? KeyId { get; init; }

    [JsonPropertyName("key_ID_extension")] public JsonElement? KeyIdExtension { get; init; }
}
