using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>Searches raw storage for byte sequences: an independent check that consumed key bytes are gone.</summary>
internal static class StorageScan
{
    /// <summary>Returns the names of files that contain <paramref name="needle"/> anywhere.</summary>
    public static string[] FilesContaining(InMemoryKeyStorage storage, byte[] needle) =>
        [.. storage.ListFiles().Where(name => storage.Read(name).AsSpan().IndexOf(needle) >= 0)];
}
