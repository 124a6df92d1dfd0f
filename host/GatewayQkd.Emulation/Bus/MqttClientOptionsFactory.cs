using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Emulation.Broker;
using MQTTnet;
using MQTTnet.Formatter;

namespace GatewayQkd.Emulation.Bus;

/// <summary>
/// Builds MQTTnet client options for an endpoint: MQTT 5 (or 3.1.1 when the endpoint says so), persistent session,
/// credentials and TLS as configured.
/// </summary>
public static class MqttClientOptionsFactory
{
    /// <summary>How long the broker keeps a disconnected client's session and queued QoS 1 messages.</summary>
    public const uint SessionExpirySeconds = 3600;

    /// <summary>Returns options for <paramref name="clientId"/> at <paramref name="endpoint"/>'s primary address.</summary>
    public static MqttClientOptions Create(BrokerEndpoint endpoint, string clientId) =>
        Create(endpoint, clientId, new BrokerAddress(endpoint?.Host ?? string.Empty, endpoint?.Port ?? 0));

    /// <summary>Returns options for <paramref name="clientId"/> at one node (<paramref name="address"/>) of <paramref name="endpoint"/>.</summary>
    public static MqttClientOptions Create(BrokerEndpoint endpoint, string clientId, BrokerAddress address)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(address.Host, address.Port)
            .WithClientId(clientId)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(5))
            // One socket write per packet: with fragmentation allowed (MQTTnet's default) a PUBLISH goes out as two
            // writes, header and topic first, then the payload (dotnet/MQTTnet v5.2.0 Source/MQTTnet/Adapter/
            // MqttChannelAdapter.cs lines 228-236), two send syscalls and, with Nagle off, two TCP segments the broker
            // reads one by one; joined it is one of each, for a copy of a payload of at most a few hundred bytes here.
            .WithoutPacketFragmentation();
        if (endpoint.ProtocolVersion == MqttProtocol.V311)
        {
            // 3.1.1 has no session expiry (MQTTnet refuses v5-only properties there): clean session false keeps the
            // session until the client next connects with clean session true (MQTT 3.1.1 section 3.1.2.4)
            builder.WithProtocolVersion(MqttProtocolVersion.V311).WithCleanSession(false);
        }
        else
        {
            builder.WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart(false).WithSessionExpiryInterval(SessionExpirySeconds);
        }

        if (endpoint.Username is not null)
        {
            builder.WithCredentials(endpoint.Username, endpoint.Password ?? string.Empty);
        }

        if (endpoint.UseTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls(true);
                if (endpoint.AllowUntrustedCertificates)
                {
                    tls.WithCertificateValidationHandler(_ => true);
                }
                else if (endpoint.CaCertificateFile is not null)
                {
                    var ca = X509CertificateLoader.LoadCertificateFromFile(endpoint.CaCertificateFile);
                    tls.WithTrustChain([ca]);
                }
            });
        }

        return builder.Build();
    }
}
