using System.Runtime.InteropServices;

namespace GatewayQkd.Adapters;

/// <summary>
/// Makes a folder's entries durable: a rename, a new file or a deletion is a change to the directory, which fsync
/// of the file does not cover (POSIX fsync(2): "Calling fsync() does not necessarily ensure that the entry in the
/// directory containing the file has also reached disk. For that an explicit fsync() on a file descriptor for the
/// directory is also needed"). .NET cannot open a directory as a stream, so this calls open(2)/fsync(2) directly.
/// </summary>
/// <remarks>
/// On Windows the call does nothing: NTFS journals its metadata, and directory handles cannot be flushed without
/// backup privileges. Linux and macOS get the real fsync.
/// </remarks>
public static class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY on Linux and macOS

    /// <summary>Flushes the directory entries of <paramref name="folder"/> to disk; throws <see cref="IOException"/> when the system refuses.</summary>
    public static void Flush(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(folder, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open folder '{folder}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of folder '{folder}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
