using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>ETSI GS QKD 014 V1.1.1 s6.3 Key container data format (response of enc_keys and dec_keys).</summary>
public sealed record KeyContainer
{
    [JsonPropertyName("keys")] public required IReadOnlyList<KeyEntry> Keys { get; init; }

    [JsonPropertyName("key_container_extension")] public JsonElement? KeyContainerExtension { get; init; }
}
