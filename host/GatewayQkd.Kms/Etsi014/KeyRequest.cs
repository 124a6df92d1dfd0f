using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>ETSI GS QKD 014 V1.1.1 s6.2 Key request data format (body of POST enc_keys).</summary>
public sealed record KeyRequest
{
    /// <summary>Gets the number of keys (default 1).</summary>
    [JsonPropertyName("number")] public int? Number { get; init; }

    /// <summary>Gets the key size in bits (default: the KME's key_size).</summary>
    [JsonPropertyName("size")] public int? Size { get; init; }

    [JsonPropertyName("additional_slave_SAE_IDs")] public IReadOnlyList<string>? AdditionalSlaveSaeIds { get; init; }

    [JsonPropertyName("extension_mandatory")] public IReadOnlyList<JsonElement>? ExtensionMandatory { get; init; }

    [JsonPropertyName("extension_optional")] public IReadOnlyList<JsonElement>? ExtensionOptional { get; init; }
}
