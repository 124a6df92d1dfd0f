using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// The core's storage port on a host folder, with the port's commit-on-return contract made real: writes go to a
/// temporary file that is flushed to disk (fsync) and renamed over the target, then the folder is synced so the
/// rename itself survives a power cut; files whose owner tolerates a torn write (the key pool's snapshot slots,
/// <see cref="KeyPool.IsSnapshotFile"/>) are overwritten in place with one fsync once they exist; appends are flushed
/// to disk before returning (and the folder synced when the append created the file). A <see cref="Rewrite"/> (the
/// pool's erasure of a block file's consumed prefix) is temp file, fsync and rename without the folder sync, and a
/// deletion only unlinks: the port lets both become durable with the next Write or Append that creates a file (whose
/// folder sync carries them), and the core rewrites and deletes only files its recovery rewrites or deletes again if a
/// power cut brings the old version back (docs/storage-layout.md, "Commits"), so neither costs a folder fsync.
/// One folder per gateway.
/// </summary>
public sealed class FileKeyStorage : IKeyStorage
{
    private const string TempSuffix = ".tmp";
    private readonly string _folder;
    private readonly Action<string> _syncFolder;
    private readonly Func<string, bool> _overwriteInPlace;

    /// <summary>Opens (and creates if needed) the storage folder.</summary>
    public FileKeyStorage(string folder)
        : this(folder, DirectorySync.Flush)
    {
    }

    /// <summary>Opens the folder with <paramref name="syncFolder"/> as the step that makes its entries durable (tests observe it).</summary>
    public FileKeyStorage(string folder, Action<string> syncFolder)
        : this(folder, syncFolder, KeyPool.IsSnapshotFile)
    {
    }

    /// <summary>
    /// Opens the folder; existing files for which <paramref name="overwriteInPlace"/> is true are overwritten in place
    /// (no temporary file, no rename, no folder sync: one fsync), which only a self-checking writer that never
    /// overwrites its only good copy may allow.
    /// </summary>
    public FileKeyStorage(string folder, Action<string> syncFolder, Func<string, bool> overwriteInPlace)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _syncFolder = syncFolder ?? throw new ArgumentNullException(nameof(syncFolder));
        _overwriteInPlace = overwriteInPlace ?? throw new ArgumentNullException(nameof(overwriteInPlace));
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
        foreach (var stale in Directory.GetFiles(_folder, "*" + TempSuffix))
        {
            File.Delete(stale); // an interrupted Write: the target still holds its previous content
        }
    }

    /// <summary>Gets the folder's full path.</summary>
    public string Folder => _folder;

    /// <summary>Gets the number of fsyncs issued so far (file data and folder), the disk's cost of the commits.</summary>
    public long Fsyncs { get; private set; }

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
        if (_overwriteInPlace(name) && File.Exists(target))
        {
            // A torn overwrite is the owner's to detect; the folder entry is unchanged, so no folder sync is needed
            // (pending deletions and rewrites stay pending: the port makes them durable only with a file's creation).
            using var inPlace = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0);
            inPlace.Write(data, offset, count);
            inPlace.SetLength(count);
            inPlace.Flush(flushToDisk: true);
            Fsyncs++;
            return;
        }

        ReplaceByRename(target, data, offset, count);
        SyncFolder(); // also makes the deletions and rewrites since the last folder sync durable
    }

    /// <inheritdoc />
    public void Rewrite(string name, byte[] data, int offset, int count)
    {
        var target = PathOf(name);
        if (!File.Exists(target))
        {
            Write(name, data, offset, count); // a new directory entry: only a full commit may create it
            return;
        }

        // The new content is on disk before the rename, so a cut leaves the old file or the new one, whole; the
        // rename itself becomes durable with the next folder sync (the port's contract, IKeyStorage.Rewrite).
        ReplaceByRename(target, data, offset, count);
    }

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        var path = PathOf(name);
        var created = !File.Exists(path);
        using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(data, offset, count);
            stream.Flush(flushToDisk: true);
        }

        Fsyncs++;
        if (created)
        {
            SyncFolder();
        }
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        File.Delete(PathOf(name)); // no folder sync: durable with the next file creation (IKeyStorage.Delete)
    }

    private void SyncFolder()
    {
        _syncFolder(_folder);
        Fsyncs++;
    }

    // Temp file, fsync, rename over the target: the target holds the old or the new content, never a torn one.
    private void ReplaceByRename(string target, byte[] data, int offset, int count)
    {
        var temp = target + TempSuffix;
        // Unbuffered (bufferSize 0): the one Write goes straight to the file, so no 4 KiB buffer is allocated per
        // commit (the default FileStream allocates one on its first write); the bytes and the fsync are the same.
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(data, offset, count);
            stream.Flush(flushToDisk: true);
        }

        Fsyncs++;
        File.Move(temp, target, overwrite: true);
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
