namespace GatewayQkd.Kms.Store;

/// <summary>A refused central key store operation; <see cref="Error"/> says why. The store is left unchanged.</summary>
public sealed class KeyStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyStoreException(KeyStoreError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with the default reason <see cref="KeyStoreError.InvalidMaterial"/>.</summary>
    public KeyStoreException()
        : this(KeyStoreError.InvalidMaterial, "The key store refused the operation.")
    {
    }

    /// <summary>Creates the exception with the default reason <see cref="KeyStoreError.InvalidMaterial"/>.</summary>
    public KeyStoreException(string message)
        : this(KeyStoreError.InvalidMaterial, message)
    {
    }

    /// <summary>Creates the exception with the default reason <see cref="KeyStoreError.InvalidMaterial"/>.</summary>
    public KeyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = KeyStoreError.InvalidMaterial;
    }

    /// <summary>Gets why the operation was refused.</summary>
    public KeyStoreError Error { get; }
}
