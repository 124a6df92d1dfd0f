using System.Net;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// An in-process MQTT broker (MQTTnet server) on loopback: what `demo` and `emulate` use when no external broker is
/// given, so nothing has to be installed. It can be stopped and started again on the same port (broker-restart tests).
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly string? _username;
    private readonly string? _password;
    private long _rejectedLogins;

    private EmbeddedBroker(int port, string? username, string? password)
    {
        Port = port;
        _username = username;
        _password = password;
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.ValidatingConnectionAsync += ValidateLogin;
    }

    /// <summary>Gets the TCP port the broker listens on (loopback only).</summary>
    public int Port { get; }

    /// <summary>Gets the endpoint clients connect to, with the broker's credentials.</summary>
    public BrokerEndpoint Endpoint => new() { Host = "127.0.0.1", Port = Port, Username = _username, Password = _password };

    /// <summary>Gets the number of connection attempts refused for wrong credentials.</summary>
    public long RejectedLogins => Interlocked.Read(ref _rejectedLogins);

    /// <summary>Gets a value indicating whether the broker is accepting connections.</summary>
    public bool IsRunning => _server.IsStarted;

    /// <summary>
    /// Starts a broker on <paramref name="port"/> (0 = a free port the OS picks). With a user name, clients must log in
    /// with it and the password; without, any client may connect (loopback only).
    /// </summary>
    public static async Task<EmbeddedBroker> StartAsync(int port = 0, string? username = null, string? password = null)
    {
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 0..65535 (0 = pick a free one).");
        }

        var broker = new EmbeddedBroker(port == 0 ? FreeTcpPort.Find() : port, username, password);
        await broker._server.StartAsync().ConfigureAwait(false);
        return broker;
    }

    /// <summary>Stops accepting and drops every client (they reconnect when <see cref="RestartAsync"/> runs).</summary>
    public Task StopAsync() => _server.IsStarted ? _server.StopAsync() : Task.CompletedTask;

    /// <summary>Starts again on the same port after <see cref="StopAsync"/>.</summary>
    public Task RestartAsync() => _server.IsStarted ? Task.CompletedTask : _server.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }

    private Task ValidateLogin(ValidatingConnectionEventArgs args)
    {
        if (_username is not null && (args.UserName != _username || args.Password != _password))
        {
            Interlocked.Increment(ref _rejectedLogins);
            args.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }

        return Task.CompletedTask;
    }
}
