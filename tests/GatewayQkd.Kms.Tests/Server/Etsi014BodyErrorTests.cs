using System.Text.Json;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>A refused request body is explained in ETSI GS QKD 014 terms, never with .NET type or assembly names.</summary>
[Collection(KmsCollection.Name)]
public sealed class Etsi014BodyErrorTests(TestCertificates certificates) : KmsHttpsTest(certificates)
{
    [Theory]
    [InlineData("enc_keys", """{"Number":2}""", "unknown field 'Number'")]
    [InlineData("enc_keys", """{"number":"2"}""", "$.number")]
    [InlineData("enc_keys", """{"number":2""", "Key request data format")]
    [InlineData("dec_keys", """{"key_ids":[]}""", "unknown field 'key_ids'")]
    public async Task A_Bad_Body_Is_Named_In_The_Standards_Terms_Without_Internal_Type_Names(string operation, string json, string expected)
    {
        var (status, body) = await Wire.Post(Kms.Cs, $"api/v1/keys/gn-7/{operation}", json);

        Assert.Equal(400, status);
        var text = body.GetRawText();
        var detail = body.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("body").GetString()).Single();
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("GatewayQkd", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unknown_Field_Lists_The_Fields_The_Standard_Defines()
    {
        var (_, body) = await Wire.Post(Kms.Cs, "api/v1/keys/gn-7/enc_keys", """{"Number":2}""");

        var detail = body.GetProperty("details")[0].GetProperty("body").GetString();
        Assert.Contains("number, size, additional_slave_SAE_IDs", detail, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, body.GetProperty("message").ValueKind);
    }
}
