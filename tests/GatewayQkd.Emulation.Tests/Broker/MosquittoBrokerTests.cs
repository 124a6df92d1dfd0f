using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Tests.Bus;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Broker;

/// <summary>
/// The bus against a real Mosquitto started as a child process. These tests FAIL (not skip) when the mosquitto binary
/// is missing: scripts/test.sh installs it.
/// </summary>
public sealed class MosquittoBrokerTests
{
    [Fact]
    public async Task Delivers_Through_Mosquitto()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();
        var inbox = new MessageInbox();
        await using var receiver = await MqttMessageBusTests.ConnectAsync(mosquitto.Endpoint, "rx", inbox);
        receiver.Subscribe("qkd/#");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var sender = await MqttMessageBusTests.ConnectAsync(mosquitto.Endpoint, "tx", new MessageInbox());

        sender.Publish("qkd/gn/1/key", [9, 8, 7]);

        Assert.True(await inbox.WaitForAsync(1));
        Assert.Equal(new byte[] { 9, 8, 7 }, inbox.Messages[0].Payload);
    }

    [Fact]
    public async Task Counts_A_Message_Mosquitto_Delivered_To_No_Subscriber_As_Unrouted()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();

        await MqttMessageBusTests.AssertCountsUnroutedAsync(mosquitto.Endpoint); // bench capacity's "unrouted messages" column reads this count
    }

    [Fact]
    public async Task Logs_In_With_Credentials_Over_Tls()
    {
        var folder = Directory.CreateTempSubdirectory("gatewayqkd-tls-").FullName;
        var (certFile, keyFile) = WriteSelfSignedCertificate(folder);
        await using var mosquitto = await MosquittoProcess.StartAsync(username: "hap", password: "pw-1", certificatePemFile: certFile, keyPemFile: keyFile);
        var inbox = new MessageInbox();
        await using var receiver = await MqttMessageBusTests.ConnectAsync(mosquitto.Endpoint, "rx", inbox);
        receiver.Subscribe("secure");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var sender = await MqttMessageBusTests.ConnectAsync(mosquitto.Endpoint, "tx", new MessageInbox());

        sender.Publish("secure", [1]);

        Assert.True(await inbox.WaitForAsync(1));
        Assert.True(mosquitto.Endpoint.UseTls);
    }

    [Fact]
    public async Task Is_Refused_By_Mosquitto_Without_The_Password()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync(username: "hap", password: "pw-1");
        var anonymous = mosquitto.Endpoint with { Username = null, Password = null };
        await using var bus = new Emulation.Bus.MqttMessageBus(anonymous, "anon", (_, _) => { }, new ListLog());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bus.ConnectAsync(timeout.Token));
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.False(bus.IsConnected);
    }

    [Fact]
    public async Task Survives_A_Mosquitto_Restart()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();
        var inbox = new MessageInbox();
        await using var receiver = await MqttMessageBusTests.ConnectAsync(mosquitto.Endpoint, "rx", inbox);
        receiver.Subscribe("r");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var sender = await MqttMessageBusTests.ConnectAsync(mosquitto.Endpoint, "tx", new MessageInbox());

        await mosquitto.RestartAsync();
        // Mosquitto runs without persistence, so the receiver's subscription exists again only once it reconnected.
        Assert.True(await Eventually.TrueAsync(() => receiver.Statistics.Reconnects >= 1 && receiver.IsConnected));
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        sender.Publish("r", [5]);

        Assert.True(await inbox.WaitForAsync(1), "nothing arrived after the broker restart");
    }

    private static (string Cert, string Key) WriteSelfSignedCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certFile = Path.Combine(folder, "broker.crt");
        var keyFile = Path.Combine(folder, "broker.key");
        File.WriteAllText(certFile, cert.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }
}
