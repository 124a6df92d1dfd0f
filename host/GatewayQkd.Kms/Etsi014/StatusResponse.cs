using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>ETSI GS QKD 014 V1.1.1 s6.1 Status data format (field names are case-sensitive).</summary>
public sealed record StatusResponse
{
    [JsonPropertyName("source_KME_ID")] public required string SourceKmeId { get; init; }

    [JsonPropertyName("target_KME_ID")] public required string TargetKmeId { get; init; }

    [JsonPropertyName("master_SAE_ID")] public required string MasterSaeId { get; init; }

    [JsonPropertyName("slave_SAE_ID")] public required string SlaveSaeId { get; init; }

    /// <summary>Gets the default key size in bits.</summary>
    [JsonPropertyName("key_size")] public required int KeySize { get; init; }

    [JsonPropertyName("stored_key_count")] public required long StoredKeyCount { get; init; }

    [JsonPropertyName("max_key_count")] public required long MaxKeyCount { get; init; }

    [JsonPropertyName("max_key_per_request")] public required int MaxKeyPerRequest { get; init; }

    [JsonPropertyName("max_key_size")] public required int MaxKeySize { get; init; }

    [JsonPropertyName("min_key_size")] public required int MinKeySize { get; init; }

    [JsonPropertyName("max_SAE_ID_count")] public required int MaxSaeIdCount { get; init; }

    [JsonPropertyName("status_extension")] public JsonElement? StatusExtension { get; init; }
}
