using System.Text.Json;
using GatewayQkd.Kms.Etsi014;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GatewayQkd.Kms.Server;

/// <summary>
/// The ETSI GS QKD 014 V1.1.1 routes under /api/v1/keys/: {slave_SAE_ID}/status (GET), {slave_SAE_ID}/enc_keys
/// (GET with number and size, or POST with a key request), {master_SAE_ID}/dec_keys (GET with key_ID, or POST with key IDs).
/// </summary>
internal sealed class Etsi014Endpoints
{
    private const int MaxBodyBytes = 64 * 1024;
    private readonly Etsi014Service _service;
    private readonly SaeAuthenticator _authenticator;

    public Etsi014Endpoints(Etsi014Service service, SaeAuthenticator authenticator)
    {
        _service = service;
        _authenticator = authenticator;
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/keys/{sae}/status", Status);
        routes.MapGet("/api/v1/keys/{sae}/enc_keys", EncKeysGet);
        routes.MapPost("/api/v1/keys/{sae}/enc_keys", EncKeysPost);
        routes.MapGet("/api/v1/keys/{sae}/dec_keys", DecKeysGet);
        routes.MapPost("/api/v1/keys/{sae}/dec_keys", DecKeysPost);
    }

    private Task Status(HttpContext context) => Handle(context, async (caller, sae) =>
        await _service.StatusAsync(caller, sae).ConfigureAwait(false));

    private Task EncKeysGet(HttpContext context) => Handle(context, async (caller, sae) => await _service.EncKeysAsync(caller, sae,
        new KeyRequest { Number = QueryInt(context, "number"), Size = QueryInt(context, "size") }).ConfigureAwait(false));

    private async Task EncKeysPost(HttpContext context)
    {
        var request = await ReadBodyOrError<KeyRequest>(context).ConfigureAwait(false);
        await Handle(context, async (caller, sae) => await _service.EncKeysAsync(caller, sae, Required(request)).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    private Task DecKeysGet(HttpContext context) => Handle(context, async (caller, sae) =>
        await _service.DecKeysAsync(caller, sae, context.Request.Query["key_ID"].ToList()).ConfigureAwait(false));

    private async Task DecKeysPost(HttpContext context)
    {
        var request = await ReadBodyOrError<KeyIdsRequest>(context).ConfigureAwait(false);
        await Handle(context, async (caller, sae) =>
        {
            var ids = Required(request).KeyIds ?? throw new Etsi014Exception(400, Etsi014Service.KeyAccessMessage,
                ("key_IDs", "the request has no key_IDs array"));
            return await _service.DecKeysAsync(caller, sae, ids.Select(entry => entry?.KeyId).ToList()).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    // A body that cannot be read is reported only after the caller is authenticated (401 before 400).
    private static T Required<T>(BodyOrError<T> body)
        where T : class => body.Value ?? throw body.Error!;

    private static async Task<BodyOrError<T>> ReadBodyOrError<T>(HttpContext context)
        where T : class
    {
        try
        {
            return new BodyOrError<T>(await ReadBody<T>(context).ConfigureAwait(false), null);
        }
        catch (Etsi014Exception e)
        {
            return new BodyOrError<T>(null, e);
        }
        catch (BadHttpRequestException e)
        {
            return new BodyOrError<T>(null, new Etsi014Exception(400, "bad request", ("body", e.Message)));
        }
    }

    private static int? QueryInt(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || !int.TryParse(values[0], System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw new Etsi014Exception(400, Etsi014Service.RulesMessage,
                (name + "_unsupported", $"query parameter {name} must be one integer, got '{values}'"));
        }

        return value;
    }

    // The body is read from Kestrel's pipe without copies when it arrived in one segment (the usual small request),
    // and parsed as one JSON value (Deserialize of a span refuses anything after it, as the stream overload does).
    private static async Task<T> ReadBody<T>(HttpContext context)
        where T : class
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.End);
                throw TooLarge();
            }

            if (!read.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End); // examined all, consumed none: wait for the rest
                continue;
            }

            try
            {
                return (buffer.IsSingleSegment
                        ? JsonSerializer.Deserialize<T>(buffer.FirstSpan, Etsi014Json.Options)
                        : JsonSerializer.Deserialize<T>(System.Buffers.BuffersExtensions.ToArray(buffer), Etsi014Json.Options))
                    ?? throw new Etsi014Exception(400, "bad request", ("body", "the request body is JSON null"));
            }
            catch (JsonException e)
            {
                throw new Etsi014Exception(400, "bad request", ("body", Etsi014BodyError.Describe(typeof(T), e)));
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    private static Etsi014Exception TooLarge() =>
        new(400, "bad request", ("body", $"the request body exceeds {MaxBodyBytes} bytes"));

    private async Task Handle(HttpContext context, Func<ushort, string, Task<object>> operation)
    {
        object body;
        var status = StatusCodes.Status200OK;
        try
        {
            var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
            var caller = _authenticator.Authenticate(certificate);
            body = await operation(caller, (string)context.Request.RouteValues["sae"]!).ConfigureAwait(false);
        }
        catch (Etsi014Exception e)
        {
            status = e.StatusCode;
            body = e.Body;
        }

        // Serialized first, so the response carries a Content-Length and goes out in one write with its headers (one TLS
        // record), not as chunks and a closing chunk written separately.
        var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Etsi014Json.Options);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
