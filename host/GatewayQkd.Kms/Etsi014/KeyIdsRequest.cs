using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>ETSI GS QKD 014 V1.1.1 s6.4 Key IDs data format (body of POST dec_keys).</summary>
public sealed record KeyIdsRequest
{
    [JsonPropertyName("key_IDs")] public IReadOnlyList<KeyIdEntry>? KeyIds { get; init; }

    [JsonPropertyName("key_IDs_extension")] public JsonElement? KeyIdsExtension { get; init; }
}
