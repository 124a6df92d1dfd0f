namespace GatewayQkd.Kms.Etsi014;

/// <summary>A refused ETSI GS QKD 014 request: the HTTP status (400, 401 or 503) and the error body to send.</summary>
public sealed class Etsi014Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    public Etsi014Exception(int statusCode, string message, params (string Name, string Value)[] details)
        : base(message)
    {
        StatusCode = statusCode;
        Body = new ErrorResponse
        {
            Message = message,
            Details = details.Length == 0
                ? null
                : details.Select(d => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [d.Name] = d.Value })
                    .ToList(),
        };
    }

    /// <summary>Creates a 400 exception.</summary>
    public Etsi014Exception()
        : this(400, "bad request")
    {
    }

    /// <summary>Creates a 400 exception.</summary>
    public Etsi014Exception(string message)
        : this(400, message)
    {
    }

    /// <summary>Creates a 400 exception.</summary>
    public Etsi014Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Body = new ErrorResponse { Message = message };
    }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the ETSI error body.</summary>
    public ErrorResponse Body { get; }
}
