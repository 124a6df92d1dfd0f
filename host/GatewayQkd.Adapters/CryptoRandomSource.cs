using System.Security.Cryptography;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>Random bytes from the operating system's CSPRNG.</summary>
public sealed class CryptoRandomSource : IRandomSource
{
    /// <inheritdoc />
    public void NextBytes(byte[] buffer) => RandomNumberGenerator.Fill(buffer);
}
