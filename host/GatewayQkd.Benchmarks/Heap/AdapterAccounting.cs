using GatewayQkd.Core.Ports;

namespace GatewayQkd.Benchmarks.Heap;

/// <summary>
/// Wraps the host's crypto and storage adapters so that what they allocate inside (.NET's HMAC and AES objects, file
/// buffers) is left out of a step's figure and only what the board's adapter also returns is counted: the result array
/// (NativeCrypto returns a new array per call; LittleFsKeyStorage.Read returns the file's bytes), sized by
/// <see cref="NanoHeapModel"/>'s array rule. The crypto port reports no native AES-256, like the board's.
/// </summary>
internal sealed class AdapterAccounting
{
    /// <summary>Gets the host bytes the wrapped adapters allocated (to subtract).</summary>
    public long HostBytes { get; private set; }

    /// <summary>Gets the nanoCLR bytes of the arrays the board's adapters would return (to add).</summary>
    public long BoardBytes { get; private set; }

    /// <summary>Returns the crypto port with accounting.</summary>
    public ICryptoPrimitives Wrap(ICryptoPrimitives inner) => new Crypto(this, inner);

    /// <summary>Returns the storage port with accounting.</summary>
    public IKeyStorage Wrap(IKeyStorage inner) => new Storage(this, inner);

    private T Measure<T>(Func<T> call, Func<T, int> resultBytes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = call();
        HostBytes += GC.GetAllocatedBytesForCurrentThread() - before;
        BoardBytes += resultBytes(result) < 0 ? 0 : (20 + resultBytes(result) + 11) / 12 * 12;
        return result;
    }

    private void Measure(Action call)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        call();
        HostBytes += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private sealed class Crypto(AdapterAccounting owner, ICryptoPrimitives inner) : ICryptoPrimitives
    {
        /// <summary>False, as on the board (NativeCrypto): the core then runs its managed AES-256, counted as the core's.</summary>
        public bool NativeAes256 => false;

        public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count) => owner.Measure(() => inner.EncryptBlocks(key, input, offset, count), r => r.Length);

        public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count) => owner.Measure(() => inner.HmacSha256(key, data, offset, count), r => r.Length);
    }

    private sealed class Storage(AdapterAccounting owner, IKeyStorage inner) : IKeyStorage
    {
        public string[] ListFiles() => owner.Measure(inner.ListFiles, _ => -1);

        public bool Exists(string name) => owner.Measure(() => inner.Exists(name), _ => -1);

        public byte[] Read(string name) => owner.Measure(() => inner.Read(name), r => r.Length);

        public void Write(string name, byte[] data, int offset, int count) => owner.Measure(() => inner.Write(name, data, offset, count));

        public void Rewrite(string name, byte[] data, int offset, int count) => owner.Measure(() => inner.Rewrite(name, data, offset, count));

        public void Append(string name, byte[] data, int offset, int count) => owner.Measure(() => inner.Append(name, data, offset, count));

        public void Delete(string name) => owner.Measure(() => inner.Delete(name));
    }
}
