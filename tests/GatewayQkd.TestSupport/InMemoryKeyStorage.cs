using GatewayQkd.Core.Ports;

namespace GatewayQkd.TestSupport;

/// <summary>
/// The core's storage port in memory, with the port's contract (a call that returns has committed), and counters of
/// the commits and bytes written so tests can check what an operation costs in flash traffic.
/// </summary>
public sealed class InMemoryKeyStorage : IKeyStorage
{
    private readonly SortedDictionary<string, byte[]> _files;

    /// <summary>Creates empty storage.</summary>
    public InMemoryKeyStorage()
        : this(new SortedDictionary<string, byte[]>(StringComparer.Ordinal))
    {
    }

    private InMemoryKeyStorage(SortedDictionary<string, byte[]> files) => _files = files;

    /// <summary>Gets the number of completed Write calls.</summary>
    public int Writes { get; private set; }

    /// <summary>Gets the number of completed Append calls.</summary>
    public int Appends { get; private set; }

    /// <summary>Gets the number of completed Delete calls (of existing or missing files).</summary>
    public int Deletes { get; private set; }

    /// <summary>Gets the number of Rewrite calls (each also counted in <see cref="Writes"/>).</summary>
    public int Rewrites { get; private set; }

    /// <summary>Gets the number of commits (completed Write, Append and Delete calls).</summary>
    public int Commits => Writes + Appends + Deletes;

    /// <summary>Gets the number of bytes passed to Write and Append.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Gets the total size of all files.</summary>
    public long TotalBytes => _files.Values.Sum(f => (long)f.Length);

    /// <summary>Returns a deep copy of the files (counters reset): the surviving flash after a reboot.</summary>
    public InMemoryKeyStorage Clone() =>
        new(new SortedDictionary<string, byte[]>(_files.ToDictionary(kv => kv.Key, kv => (byte[])kv.Value.Clone()), StringComparer.Ordinal));

    /// <inheritdoc />
    public string[] ListFiles() => [.. _files.Keys];

    /// <inheritdoc />
    public bool Exists(string name) => _files.ContainsKey(CheckName(name));

    /// <inheritdoc />
    public byte[] Read(string name) =>
        _files.TryGetValue(CheckName(name), out var data) ? (byte[])data.Clone() : throw new IOException($"Storage file '{name}' does not exist.");

    /// <inheritdoc />
    public void Write(string name, byte[] data, int offset, int count)
    {
        _files[CheckName(name)] = Slice(data, offset, count);
        Writes++;
        BytesWritten += count;
    }

    /// <inheritdoc />
    /// <remarks>Counted in <see cref="Writes"/> too (its bytes are written the same way) and in <see cref="Rewrites"/>.</remarks>
    public void Rewrite(string name, byte[] data, int offset, int count)
    {
        Write(name, data, offset, count);
        Rewrites++;
    }

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        var added = Slice(data, offset, count);
        _files[CheckName(name)] = _files.TryGetValue(name, out var old) ? [.. old, .. added] : added;
        Appends++;
        BytesWritten += count;
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        _files.Remove(CheckName(name));
        Deletes++;
    }

    /// <summary>Replaces a file's content without counting a commit (for tests that damage storage on purpose).</summary>
    public void SetRaw(string name, byte[] content) => _files[CheckName(name)] = (byte[])content.Clone();

    /// <summary>Removes a file without counting a commit (for tests that damage storage on purpose).</summary>
    public void RemoveRaw(string name) => _files.Remove(CheckName(name));

    internal static byte[] Slice(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, data.Length - count);
        return data.AsSpan(offset, count).ToArray();
    }

    private static string CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"'{name}' is not a plain storage file name.", nameof(name));
        }

        return name;
    }
}
