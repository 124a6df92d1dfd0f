using MQTTnet;
using MQTTnet.Formatter;

namespace GatewayQkd.Emulation.Broker;

/// <summary>A one-off MQTT 3.1.1 connect and disconnect: whether a broker node really serves MQTT sessions now.</summary>
public static class MqttHandshake
{
    /// <summary>Returns true when <paramref name="host"/>:<paramref name="port"/> answers CONNECT with CONNACK 0 within 2 s.</summary>
    public static async Task<bool> TryAsync(string host, int port, string clientId)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(2))
            .Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var result = await client.ConnectAsync(options, timeout.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return false;
            }

            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }
}
