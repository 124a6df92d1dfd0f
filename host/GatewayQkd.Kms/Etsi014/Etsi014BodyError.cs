using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace GatewayQkd.Kms.Etsi014;

/// <summary>
/// Describes a request body the JSON reader refused in the terms of ETSI GS QKD 014 (its data format and field
/// names), never with the reader's text: that names .NET types and assemblies, which a client neither knows nor needs.
/// </summary>
public static partial class Etsi014BodyError
{
    /// <summary>Returns the error detail for a body of type <paramref name="bodyType"/> that failed with <paramref name="error"/>.</summary>
    public static string Describe(Type bodyType, JsonException error)
    {
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(error);
        var format = bodyType == typeof(KeyRequest) ? "Key request data format (ETSI GS QKD 014 s6.2)"
            : bodyType == typeof(KeyIdsRequest) ? "Key IDs data format (ETSI GS QKD 014 s6.4)"
            : "request data format";
        var fields = string.Join(", ", FieldNames(bodyType));
        var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : string.Empty;
        if (UnknownField().Match(error.Message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups[1].Value}' in the {format}; field names are case-sensitive, expected {fields}";
        }

        if (error.Path is { Length: > 2 } path && path != "$")
        {
            return $"the value at {path}{where} has the wrong type for the {format} (expected fields: {fields})";
        }

        return $"the body is not a JSON object of the {format}{where}; expected fields: {fields}";
    }

    private static IEnumerable<string> FieldNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name);

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownField();
}
