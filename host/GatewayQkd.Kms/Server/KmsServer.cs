using System.Net;
using System.Security.Authentication;
using GatewayQkd.Kms.Etsi014;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayQkd.Kms.Server;

/// <summary>
/// The KMS: the central key store served over HTTPS (Kestrel, TLS 1.2/1.3, client certificates requested) with the
/// ETSI GS QKD 014 V1.1.1 REST interface. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class KmsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KmsServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Gets the bound base URL, e.g. https://127.0.0.1:41234/ (the ETSI routes are under api/v1/keys/).</summary>
    public Uri Url { get; }

    /// <summary>Starts the server and returns once it listens.</summary>
    public static async Task<KmsServer> StartAsync(KmsServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Address, out var address))
        {
            throw new ArgumentException($"The listening address '{options.Address}' is not an IP address.", nameof(options));
        }

        if (!options.ServerCertificate.HasPrivateKey)
        {
            throw new ArgumentException("The server certificate needs its private key.", nameof(options));
        }

        var endpoints = new Etsi014Endpoints(new Etsi014Service(options.Store, options.Policy),
            new SaeAuthenticator(options.ClientCa));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port, listen =>
            {
                // HTTP/2 is negotiated by ALPN for a client that asks (many concurrent calls on one connection).
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = options.ServerCertificate;
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    https.HandshakeTimeout = options.HandshakeTimeout;
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    // Accepted here, judged per request by SaeAuthenticator so a refused SAE gets a 401 with a reason.
                    https.ClientCertificateValidation = (_, _, _) => true;
                });
            });
        });
        var app = builder.Build();
        endpoints.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new KmsServer(app, new Uri(bound.TrimEnd('/') + "/"));
    }

    /// <summary>Stops listening (requests in flight finish first).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
