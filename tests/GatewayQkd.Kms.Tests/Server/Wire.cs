using System.Text.Json;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>Reading responses as raw JSON, so field names are checked as sent.</summary>
public static class Wire
{
    public static async Task<(int Status, JsonElement Body)> Read(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            using var document = JsonDocument.Parse(text);
            return ((int)response.StatusCode, document.RootElement.Clone());
        }
    }

    public static Task<(int Status, JsonElement Body)> Get(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative)).ContinueWith(t => Read(t.Result), TaskScheduler.Default).Unwrap();

    public static async Task<(int Status, JsonElement Body)> Post(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await Read(await client.PostAsync(new Uri(path, UriKind.Relative), content));
    }

    public static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    /// <summary>Offset and length written in a key_ID by the documented layout (hex octets 0-3 and 12-15).</summary>
    public static (int Offset, int Length) RangeOf(string keyId) =>
        (Convert.ToInt32(keyId[..8], 16), Convert.ToInt32(keyId[^8..], 16));

    public static byte[] KeyBytes(JsonElement key) => Convert.FromBase64String(key.GetProperty("key").GetString()!);
}
