using System.Text.Json;
using System.Text.Json.Serialization;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>
/// JSON settings for the ETSI GS QKD 014 bodies: exact, case-sensitive field names; an unknown or mis-cased request
/// field is an error (so a typo is reported, not silently ignored), and so is a field given twice (the last one would
/// win silently: RFC 8259 s4 leaves duplicate names' meaning open); absent optional fields are omitted.
/// </summary>
public static class Etsi014Json
{
    /// <summary>Gets the shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
    };
}
