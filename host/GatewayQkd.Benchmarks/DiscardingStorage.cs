using GatewayQkd.Core.Ports;

namespace GatewayQkd.Benchmarks;

/// <summary>Accepts and forgets every commit, so a benchmark measures the codec, not a file system.</summary>
internal sealed class DiscardingStorage : IKeyStorage
{
    public string[] ListFiles() => [];

    public bool Exists(string name) => false;

    public byte[] Read(string name) => throw new IOException($"'{name}' does not exist.");

    public void Write(string name, byte[] data, int offset, int count)
    {
    }

    public void Rewrite(string name, byte[] data, int offset, int count)
    {
    }

    public void Append(string name, byte[] data, int offset, int count)
    {
    }

    public void Delete(string name)
    {
    }
}
