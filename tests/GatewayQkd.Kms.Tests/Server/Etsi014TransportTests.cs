using System.Net;
using System.Text;
using GatewayQkd.Kms.Client;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>
/// How requests and responses travel: responses carry a Content-Length (one write, no chunked encoding), request bodies
/// are read whole however they arrive (chunked, in pieces) up to 64 KiB, and a client may speak HTTP/2.
/// </summary>
[Collection(KmsCollection.Name)]
public sealed class Etsi014TransportTests(TestCertificates certificates) : KmsHttpsTest(certificates)
{
    private const int MaxBodyBytes = 64 * 1024;

    [Fact]
    public async Task A_Response_Carries_A_Content_Length_And_Is_Not_Chunked()
    {
        using var response = await Kms.Cs.GetAsync(new Uri("api/v1/keys/gn-7/status", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_Request_Body_Sent_Chunked_In_Pieces_Is_Read_Whole()
    {
        // 30 KB in 4 KiB pieces with a pause between them, so the server sees the body in several reads.
        var json = "{\"number\": 2, \"size\": 256, \"extension_optional\": [\"" + new string('x', 30_000) + "\"]}";
        using var content = new PiecewiseContent(json, piece: 4096, pause: TimeSpan.FromMilliseconds(20));

        var (status, body) = await Wire.Read(await Kms.Cs.PostAsync(new Uri("api/v1/keys/gn-7/enc_keys", UriKind.Relative), content));

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("keys").GetArrayLength());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Request_Body_Over_64_KiB_Is_Refused_And_Hands_Out_Nothing(bool chunked)
    {
        var json = "{\"number\": 1, \"size\": 256, \"extension_optional\": [\"" + new string('x', MaxBodyBytes) + "\"]}";
        using HttpContent content = chunked
            ? new PiecewiseContent(json, piece: 4096, pause: TimeSpan.Zero)
            : new StringContent(json, Encoding.UTF8, "application/json");
        var available = Kms.Store.GetCounts(7, 0, GatewayQkd.Kms.Store.KeyStreamUse.Etsi014).AvailableBytes;

        var (status, body) = await Wire.Read(await Kms.Cs.PostAsync(new Uri("api/v1/keys/gn-7/enc_keys", UriKind.Relative), content));

        Assert.Equal(400, status);
        Assert.Contains("exceeds 65536 bytes", body.GetProperty("details")[0].GetProperty("body").GetString());
        Assert.Equal(available, Kms.Store.GetCounts(7, 0, GatewayQkd.Kms.Store.KeyStreamUse.Etsi014).AvailableBytes);
    }

    [Fact]
    public async Task A_Client_Asking_For_Http2_Is_Served_Over_Http2()
    {
        using var client = KmsHttpClientFactory.Create(Kms.Server.Url, Certificates.Cs, Certificates.Ca, HttpVersion.Version20);

        using var response = await client.GetAsync(new Uri("api/v1/keys/gn-7/status", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (response.StatusCode, response.Version));
    }

    [Fact]
    public async Task Http2_Clients_Shared_By_Concurrent_Callers_Get_Each_Key_Once()
    {
        using var master = new KmsClient(Kms.Server.Url, Certificates.Cs, Certificates.Ca, HttpVersion.Version20);
        using var slave = new KmsClient(Kms.Server.Url, Certificates.Gn7, Certificates.Ca, HttpVersion.Version20);

        // 16 callers multiplexed on one connection per SAE, 4 pairs each of one 128-bit key (the harness reserves 1 KiB: used up exactly).
        var pairs = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            var mine = new List<(string Id, string Sent, string Received)>();
            for (var i = 0; i < 4; i++)
            {
                var sent = Assert.Single((await master.GetKeysAsync("gn-7", 1, 128)).Keys);
                var received = Assert.Single((await slave.GetKeysWithIdsAsync("cs", [sent.KeyId])).Keys);
                mine.Add((sent.KeyId, sent.Key, received.Key));
            }

            return mine;
        }));

        var all = pairs.SelectMany(p => p).ToList();
        Assert.All(all, p => Assert.Equal(p.Sent, p.Received));
        Assert.Equal(64, all.Select(p => p.Id).Distinct().Count());
        var again = await Assert.ThrowsAsync<GatewayQkd.Kms.Etsi014.Etsi014Exception>(() => slave.GetKeysWithIdsAsync("cs", [all[0].Id]));
        Assert.Equal(400, again.StatusCode);
    }

    // A body of unknown length (so HttpClient sends it chunked), written and flushed in pieces of the given size.
    private sealed class PiecewiseContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _piece;
        private readonly TimeSpan _pause;

        public PiecewiseContent(string json, int piece, TimeSpan pause)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            _piece = piece;
            _pause = pause;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += _piece)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(_piece, _bytes.Length - offset)));
                await stream.FlushAsync();
                if (_pause > TimeSpan.Zero)
                {
                    await Task.Delay(_pause);
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
