using System;

namespace GatewayQkd.BoardTwin.StandIns.FileSystem;

/// <summary>
/// FileStream with LittleFS' commit point: nanoFramework's LittleFS driver maps Flush to fflush and Close to fclose
/// (nf-interpreter src/PAL/FileSystem/littlefs/littlefs_FS_Driver.cpp lines 244-257 and 345-360), esp_littlefs does not
/// sync a rewritten file's truncate (esp_littlefs.c 2702-2740), and LittleFS is copy-on-write: until the stream is
/// closed, the file keeps its last committed content, and a power cut (the twin process killed) loses every write
/// since. Here the stream works on a private copy that Close renames over the file in one step.
/// </summary>
internal sealed class LittleFsFileStream : IDisposable
{
    private readonly string _hostPath;
    private readonly System.IO.MemoryStream _data = new();
    private bool _written;
    private bool _closed;

    public LittleFsFileStream(string path, System.IO.FileMode mode)
    {
        _hostPath = LittleFsDrive.ToHost(path);
        var exists = System.IO.File.Exists(_hostPath);
        switch (mode)
        {
            case System.IO.FileMode.Open when !exists:
            case System.IO.FileMode.Truncate when !exists:
                throw new System.IO.IOException("LittleFS stand-in: '" + path + "' does not exist.");
            case System.IO.FileMode.CreateNew when exists:
                throw new System.IO.IOException("LittleFS stand-in: '" + path + "' already exists.");
            case System.IO.FileMode.Open:
            case System.IO.FileMode.OpenOrCreate:
            case System.IO.FileMode.Append:
                if (exists)
                {
                    var committed = System.IO.File.ReadAllBytes(_hostPath);
                    _data.Write(committed, 0, committed.Length);
                }

                _data.Position = mode == System.IO.FileMode.Append ? _data.Length : 0;
                _written = !exists;
                break;
            default: // Create, CreateNew, Truncate: empty, committed as such at Close
                _written = true;
                break;
        }
    }

    public long Length => _data.Length;

    public long Position
    {
        get => _data.Position;
        set => _data.Position = value;
    }

    public int Read(byte[] buffer, int offset, int count) => _data.Read(buffer, offset, count);

    public void Write(byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _data.Write(buffer, offset, count);
        _written = true;
    }

    /// <summary>fflush: the bytes reach the driver's cache, not the flash; nothing is committed.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
    }

    /// <summary>fclose: commits the file's new content in one step (or leaves it unchanged when nothing was written).</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_written)
        {
            var uncommitted = _hostPath + LittleFsDrive.UncommittedSuffix;
            using (var file = new System.IO.FileStream(uncommitted, System.IO.FileMode.Create, System.IO.FileAccess.Write))
            {
                _data.WriteTo(file); // no fsync: the twin's power cut is a killed process, and the OS keeps what it wrote
            }

            System.IO.File.Move(uncommitted, _hostPath, overwrite: true);
        }

        _data.Dispose();
    }

    public void Dispose() => Close();
}
