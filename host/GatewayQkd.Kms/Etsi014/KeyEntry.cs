using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>One key of a key container: its key_ID (UUID) and the key in Base64.</summary>
public sealed record KeyEntry
{
    [JsonPropertyName("key_ID")] public required string KeyId { get; init; }

    [JsonPropertyName("key_ID_extension")] public JsonElement? KeyIdExtension { get; init; }

    [JsonPropertyName("key")] public required string Key { get; init; }

    [JsonPropertyName("key_extension")] public JsonElement? KeyExtension { get; init; }
}
