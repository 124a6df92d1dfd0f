using System.Security.Cryptography.X509Certificates;
using GatewayQkd.Emulation.Broker;
using MQTTnet;
using MQTTnet.Formatter;

namespace GatewayQkd.Emulation.Bus;

/// <summary>Builds MQTTnet client options for an endpoint: MQTT 5, persistent session, credentials and TLS as configured.</summary>
public static class MqttClientOptionsFactory
{
    /// <summary>How long the broker keeps a disconnected client's session and queued QoS 1 messages.</summary>
    public const uint SessionExpirySeconds = 3600;

    /// <summary>Returns options for <paramref name="clientId"/> at <paramref name="endpoint"/>.</summary>
    public static MqttClientOptions Create(BrokerEndpoint endpoint, string clientId)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(5));
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
