using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using GatewayQkd.Cli.Commands;
using GatewayQkd.Kms.Certificates;
using GatewayQkd.Kms.Client;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Cli.Tests.Kms;

/// <summary>`gatewayqkd kms` serving a store over mutual TLS, started and stopped in-process.</summary>
public sealed partial class KmsServeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly X509Certificate2 _ca;

    public KmsServeCommandTests()
    {
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.File("certs"), "--sae", "cs", "gn-1").ExitCode);
        _ca = CertificateFolder.LoadCaCertificate(_folder.File("certs"));
    }

    public void Dispose()
    {
        _ca.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Serves_Status_To_An_Sae_With_A_Client_Certificate_And_Stops_When_Cancelled()
    {
        using var stop = new CancellationTokenSource();
        var (run, output, url) = await StartAsync(stop.Token);

        using (var cs = CertificateFolder.Load(_folder.File("certs"), "cs"))
        using (var client = Client(url, cs))
        {
            var status = await client.GetFromJsonAsync<StatusResponse>("api/v1/keys/gn-1/status", Etsi014Json.Options);
            Assert.NotNull(status);
            Assert.Equal("kme-cs", status.SourceKmeId);
            Assert.Equal("kme-gn-1", status.TargetKmeId);
            Assert.Equal("cs", status.MasterSaeId);
            Assert.Equal("gn-1", status.SlaveSaeId);
            Assert.Equal(0L, status.StoredKeyCount);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Contains("KMS stopped.", output.ToString(), StringComparison.Ordinal);
        using var gn1 = CertificateFolder.Load(_folder.File("certs"), "gn-1");
        using var after = Client(url, gn1);
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(new Uri("api/v1/keys/cs/status", UriKind.Relative)));
    }

    [Fact]
    public async Task Refuses_A_Caller_Without_A_Client_Certificate_With_401()
    {
        using var stop = new CancellationTokenSource();
        var (run, _, url) = await StartAsync(stop.Token);

        using (var anonymous = Client(url, null))
        {
            using var response = await anonymous.GetAsync(new Uri("api/v1/keys/gn-1/status", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public void Bounded_Run_Stops_By_Itself_And_Keeps_The_Store()
    {
        var (exit, output, error) = KmsCommandRunner.Run("--certs", _folder.File("certs"), "--db", _folder.File("kms.db"),
            "--port", "0", "--seconds", "1");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Matches(ListeningLine(), output);
        Assert.EndsWith("KMS stopped." + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.File("kms.db")));
    }

    [Fact]
    public void Port_In_Use_Is_Refused_And_Leaves_No_New_Store()
    {
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
            var before = KmsCommandRunner.Snapshot(_folder.Path);

            var (exit, output, error) = KmsCommandRunner.Run("--certs", _folder.File("certs"), "--db", _folder.File("kms.db"),
                "--port", port, "--seconds", "1");

            Assert.Equal(2, exit);
            Assert.Contains("cannot start", error, StringComparison.Ordinal);
            Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
            Assert.Equal(before, KmsCommandRunner.Snapshot(_folder.Path));
        }
        finally
        {
            busy.Stop();
        }
    }

    /// <summary>Starts `kms` on a free port (bounded by --seconds in case a test fails before it cancels).</summary>
    private async Task<(Task<int> Run, LineSignallingWriter Output, Uri Url)> StartAsync(CancellationToken stop)
    {
        var output = new LineSignallingWriter(ListeningLine());
        var run = GatewayQkdRootCommand.Create()
            .Parse(["kms", "--certs", _folder.File("certs"), "--db", _folder.File("kms.db"), "--port", "0", "--seconds", "120"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, stop);
        Assert.True(await Task.WhenAny(output.Match, run) == output.Match, output.ToString());
        return (run, output, new Uri((await output.Match).Groups["url"].Value));
    }

    private HttpClient Client(Uri url, X509Certificate2? sae) => KmsHttpClientFactory.Create(url, sae, _ca);

    [GeneratedRegex(@"listening on (?<url>https://[^/\s]+/)api/v1/keys/")]
    private static partial Regex ListeningLine();
}
