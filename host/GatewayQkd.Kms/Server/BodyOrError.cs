using GatewayQkd.Kms.Etsi014;

namespace GatewayQkd.Kms.Server;

/// <summary>A request body read ahead of authentication, or why it could not be read.</summary>
internal sealed record BodyOrError<T>(T? Value, Etsi014Exception? Error)
    where T : class;
