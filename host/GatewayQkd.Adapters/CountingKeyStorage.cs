using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// Wraps a storage port and counts its commits (every Write and Append: durable when it returns, under the port's
/// contract), its rewrites and deletes (durable only with the next file creation, IKeyStorage.Rewrite and Delete) and
/// the bytes written, so benchmarks
/// and reports can state the storage cost of an operation (docs/storage-layout.md, "Commits").
/// </summary>
public sealed class CountingKeyStorage : IKeyStorage
{
    private readonly IKeyStorage _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public CountingKeyStorage(IKeyStorage inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>Gets the number of commits (Write and Append calls) since creation or the last <see cref="Reset"/>.</summary>
    public long Commits { get; private set; }

    /// <summary>Gets the number of Rewrite calls (not commits: durable with the next file creation, IKeyStorage.Rewrite) since creation or the last <see cref="Reset"/>.</summary>
    public long Rewrites { get; private set; }

    /// <summary>Gets the number of Delete calls since creation or the last <see cref="Reset"/>.</summary>
    public long Deletes { get; private set; }

    /// <summary>Gets the bytes written by Write and Append since creation or the last <see cref="Reset"/>.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Sets the counters to zero.</summary>
    public void Reset()
    {
        Commits = 0;
        Rewrites = 0;
        Deletes = 0;
        BytesWritten = 0;
    }

    /// <inheritdoc />
    public string[] ListFiles() => _inner.ListFiles();

    /// <inheritdoc />
    public bool Exists(string name) => _inner.Exists(name);

    /// <inheritdoc />
    public byte[] Read(string name) => _inner.Read(name);

    /// <inheritdoc />
    public void Write(string name, byte[] data, int offset, int count)
    {
        _inner.Write(name, data, offset, count);
        Commits++;
        BytesWritten += count;
    }

    /// <inheritdoc />
    public void Rewrite(string name, byte[] data, int offset, int count)
    {
        _inner.Rewrite(name, data, offset, count);
        Rewrites++;
        BytesWritten += count;
    }

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        _inner.Append(name, data, offset, count);
        Commits++;
        BytesWritten += count;
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        _inner.Delete(name);
        Deletes++;
    }
}
