using System.Net;
using System.Net.Sockets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// An in-process MQTT broker (MQTTnet server): what `demo` and `emulate` use when no external broker is given, so
/// nothing has to be installed. It listens on loopback unless told otherwise (`--listen 0.0.0.0:1883` opens it to a
/// board on the LAN). It can be stopped and started again on the same port (broker-restart tests).
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly string? _username;
    private readonly string? _password;
    private long _rejectedLogins;

    private EmbeddedBroker(ListenEndpoint listen, string? username, string? password)
    {
        Listen = listen;
        _username = username;
        _password = password;
        var ipv6 = listen.Address.AddressFamily == AddressFamily.InterNetworkV6;
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(ipv6 ? IPAddress.None : listen.Address)
            .WithDefaultEndpointBoundIPV6Address(ipv6 ? listen.Address : IPAddress.None)
            .WithDefaultEndpointPort(listen.Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.ValidatingConnectionAsync += ValidateLogin;
    }

    /// <summary>Gets the address and port the broker listens on (the port is the one in use, never 0).</summary>
    public ListenEndpoint Listen { get; }

    /// <summary>Gets the TCP port the broker listens on.</summary>
    public int Port => Listen.Port;

    /// <summary>
    /// Gets the endpoint this PC's own clients connect to, with the broker's credentials: loopback when the broker
    /// listens on loopback or every interface, else the one address it listens on.
    /// </summary>
    public BrokerEndpoint Endpoint => new() { Host = LocalHost, Port = Port, Username = _username, Password = _password };

    /// <summary>Gets the number of connection attempts refused for wrong credentials.</summary>
    public long RejectedLogins => Interlocked.Read(ref _rejectedLogins);

    /// <summary>Gets a value indicating whether the broker is accepting connections.</summary>
    public bool IsRunning => _server.IsStarted;

    private string LocalHost => Listen.IsAnyAddress
        ? (Listen.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "::1" : "127.0.0.1")
        : Listen.Address.ToString();

    /// <summary>
    /// Starts a broker on loopback port <paramref name="port"/> (0 = a free port the OS picks). With a user name,
    /// clients must log in with it and the password; without, any client may connect.
    /// </summary>
    public static Task<EmbeddedBroker> StartAsync(int port = 0, string? username = null, string? password = null)
    {
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 0..65535 (0 = pick a free one).");
        }

        return StartAsync(new ListenEndpoint(IPAddress.Loopback, port), username, password);
    }

    /// <summary>Starts a broker listening on <paramref name="listen"/> (port 0 = a free port on that address).</summary>
    public static async Task<EmbeddedBroker> StartAsync(ListenEndpoint listen, string? username = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (listen.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(listen), listen.Port, "A TCP port is 0..65535 (0 = pick a free one).");
        }

        var bound = listen.Port == 0 ? listen with { Port = FreeTcpPort.Find(listen.Address) } : listen;
        var broker = new EmbeddedBroker(bound, username, password);
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
