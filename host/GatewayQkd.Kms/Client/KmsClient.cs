using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using GatewayQkd.Kms.Etsi014;

namespace GatewayQkd.Kms.Client;

/// <summary>
/// A typed ETSI GS QKD 014 client for one SAE (the emulator's central-server application, the benchmark). A refused
/// request throws <see cref="Etsi014Exception"/> carrying the KME's status code and error body.
/// </summary>
public sealed class KmsClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client presenting <paramref name="saeCertificate"/> to the KMS at <paramref name="kmsUrl"/>.</summary>
    public KmsClient(Uri kmsUrl, X509Certificate2 saeCertificate, X509Certificate2 ca)
        : this(kmsUrl, saeCertificate, ca, System.Net.HttpVersion.Version11)
    {
    }

    /// <summary>
    /// Creates a client speaking <paramref name="httpVersion"/> (1.1 or 2.0, <see cref="KmsHttpClientFactory"/>); one
    /// client may serve many concurrent calls (HTTP/1.1: a pooled keep-alive connection per call in flight; HTTP/2: all
    /// on one connection).
    /// </summary>
    public KmsClient(Uri kmsUrl, X509Certificate2 saeCertificate, X509Certificate2 ca, Version httpVersion) =>
        _http = KmsHttpClientFactory.Create(kmsUrl, saeCertificate, ca, httpVersion);

    /// <summary>GET {slave}/status.</summary>
    public Task<StatusResponse> GetStatusAsync(string slaveSae, CancellationToken cancellationToken = default) =>
        Send<StatusResponse>(new HttpRequestMessage(HttpMethod.Get, Path(slaveSae, "status")), cancellationToken);

    /// <summary>POST {slave}/enc_keys with number and size (bits).</summary>
    public Task<KeyContainer> GetKeysAsync(string slaveSae, int number, int sizeBits, CancellationToken cancellationToken = default) =>
        Send<KeyContainer>(new HttpRequestMessage(HttpMethod.Post, Path(slaveSae, "enc_keys"))
        {
            Content = Json(new KeyRequest { Number = number, Size = sizeBits }),
        }, cancellationToken);

    /// <summary>POST {master}/dec_keys with the key ids.</summary>
    public Task<KeyContainer> GetKeysWithIdsAsync(string masterSae, IEnumerable<string> keyIds,
        CancellationToken cancellationToken = default) =>
        Send<KeyContainer>(new HttpRequestMessage(HttpMethod.Post, Path(masterSae, "dec_keys"))
        {
            Content = Json(new KeyIdsRequest { KeyIds = keyIds.Select(id => new KeyIdEntry { KeyId = id }).ToList() }),
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string Path(string sae, string call) => $"api/v1/keys/{Uri.EscapeDataString(sae)}/{call}";

    // Serialized up front, so the request has a Content-Length (JsonContent streams its body with chunked transfer
    // encoding, which costs both ends a chunk parser and the server a second read).
    private static ByteArrayContent Json<T>(T body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Etsi014Json.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<T> Send<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadFromJsonAsync<ErrorResponse>(Etsi014Json.Options, cancellationToken)
                    .ConfigureAwait(false);
                var details = error?.Details?.SelectMany(d => d).Select(p => (p.Key, p.Value)).ToArray() ?? [];
                throw new Etsi014Exception((int)response.StatusCode, error?.Message ?? response.ReasonPhrase ?? "error", details);
            }

            return await response.Content.ReadFromJsonAsync<T>(Etsi014Json.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new Etsi014Exception(503, "empty response body from the KME");
        }
    }
}
