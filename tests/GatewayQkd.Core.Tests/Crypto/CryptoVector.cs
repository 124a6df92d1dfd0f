namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>One line of tests/vectors/crypto-vectors.txt: suite, case name and named hex fields.</summary>
internal sealed class CryptoVector(string suite, string caseName, IReadOnlyDictionary<string, byte[]> fields)
{
    public string Suite { get; } = suite;

    public string Case { get; } = caseName;

    public byte[] this[string name] =>
        fields.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"Vector {Suite}|{Case} has no field '{name}'.");

    public override string ToString() => $"{Suite}|{Case}";
}
