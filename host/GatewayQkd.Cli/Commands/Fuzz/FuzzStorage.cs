using GatewayQkd.Core.Ports;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// RAM-only storage port for fuzzing (no flash or disk in the loop), with a commit count: a refused input must not
/// commit anything, so the count is part of the state a target compares before and after.
/// </summary>
internal sealed class FuzzStorage : IKeyStorage
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Gets the number of Write, Append and Delete calls so far.</summary>
    public long Commits { get; private set; }

    public string[] ListFiles() => [.. _files.Keys];

    public bool Exists(string name) => _files.ContainsKey(name);

    public byte[] Read(string name) => _files.TryGetValue(name, out var data) ? (byte[])data.Clone() : throw new IOException($"no file '{name}'");

    public void Write(string name, byte[] data, int offset, int count)
    {
        _files[name] = data.AsSpan(offset, count).ToArray();
        Commits++;
    }

    public void Rewrite(string name, byte[] data, int offset, int count) => Write(name, data, offset, count);

    public void Append(string name, byte[] data, int offset, int count)
    {
        _files[name] = [.. _files.GetValueOrDefault(name, []), .. data.AsSpan(offset, count)];
        Commits++;
    }

    public void Delete(string name)
    {
        _files.Remove(name);
        Commits++;
    }
}
