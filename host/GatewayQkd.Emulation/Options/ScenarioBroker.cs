namespace GatewayQkd.Emulation.Options;

/// <summary>The external broker section of a scenario file. The password is never written in the file: it is read from the environment variable named here.</summary>
public sealed class ScenarioBroker
{
    /// <summary>Gets or sets the broker host.</summary>
    public string? Host { get; set; }

    /// <summary>Gets or sets the broker port.</summary>
    public int? Port { get; set; }

    /// <summary>Gets or sets a value indicating whether to use TLS.</summary>
    public bool? Tls { get; set; }

    /// <summary>Gets or sets the CA certificate file that signed the broker's certificate.</summary>
    public string? CaFile { get; set; }

    /// <summary>Gets or sets a value indicating whether any broker certificate is accepted (tests only).</summary>
    public bool? Insecure { get; set; }

    /// <summary>Gets or sets the user name.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the name of the environment variable that holds the password.</summary>
    public string? PasswordVariable { get; set; }
}
