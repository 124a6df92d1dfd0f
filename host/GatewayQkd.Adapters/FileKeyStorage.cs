using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// The core's storage port on a host folder, with the port's commit-on-return contract made real: writes go to a
/// temporary file that is flushed to disk (fsync) and renamed over the target; appends are flushed to disk before
/// returning. One folder per gateway.
/// </summary>
public sealed class FileKeyStorage : IKeyStorage
{
    private const string TempSuffix = ".tmp";
    private readonly string _folder;

    /// <summary>Opens (and creates if needed) the storage folder.</summary>
    public FileKeyStorage(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
        foreach (var stale in Directory.GetFiles(_folder, "*" + TempSuffix))
        {
            File.Delete(stale); // an interrupted Write: the target still holds its previous content
        }
    }

    /// <summary>Gets the folder's full path.</summary>
    public string Folder => _folder;

    /// <inheritdoc />
    public string[] ListFiles() =>
        Directory.GetFiles(_folder)
            .Where(p => !p.EndsWith(TempSuffix, StringComparison.Ordinal))
            .Select(p => Path.GetFileName(p)!)
            .ToArray();

    /// <inheritdoc />
    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <inheritdoc />
    public byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    /// <inheritdoc />
    public void Write(string name, byte[] data, int offset, int count)
    {
        var target = PathOf(name);
        var temp = target + TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(data, offset, count);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
    }

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        using var stream = new FileStream(PathOf(name), FileMode.Append, FileAccess.Write, FileShare.None);
        stream.Write(data, offset, count);
        stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        var path = PathOf(name);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string name)
    {
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".." || name.EndsWith(TempSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a plain storage file name.", nameof(name));
        }

        return Path.Combine(_folder, name);
    }
}
