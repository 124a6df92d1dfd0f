using GatewayQkd.Core.Ports;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Memory;

/// <summary>Storage that keeps a reference to every array handed to Write and returned by Read, so a test can check they were wiped.</summary>
internal sealed class RecordingStorage(InMemoryKeyStorage inner) : IKeyStorage
{
    public InMemoryKeyStorage Inner { get; } = inner;

    public List<byte[]> Passed { get; } = [];

    public string[] ListFiles() => Inner.ListFiles();

    public bool Exists(string name) => Inner.Exists(name);

    public byte[] Read(string name)
    {
        var data = Inner.Read(name);
        Passed.Add(data);
        return data;
    }

    public void Write(string name, byte[] data, int offset, int count)
    {
        Inner.Write(name, data, offset, count);
        Passed.Add(data);
    }

    public void Rewrite(string name, byte[] data, int offset, int count)
    {
        Inner.Rewrite(name, data, offset, count);
        Passed.Add(data);
    }

    public void Append(string name, byte[] data, int offset, int count)
    {
        Inner.Append(name, data, offset, count);
        Passed.Add(data);
    }

    public void Delete(string name) => Inner.Delete(name);
}
