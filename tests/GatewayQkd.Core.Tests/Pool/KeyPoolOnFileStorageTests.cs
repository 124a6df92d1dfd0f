using GatewayQkd.Adapters;
using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Tests.Pool;

public sealed class KeyPoolOnFileStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qkp-" + Guid.NewGuid().ToString("N"));
    private readonly KeyStreamModel _model = new();

    [Fact]
    public void Survives_A_Restart_On_The_Host_File_Storage()
    {
        var pool = KeyPool.Open(new FileKeyStorage(_folder));
        pool.Ingest(_model.NextBlock(0, 500));
        var first = pool.Take(0, 100).Range;

        var reopened = KeyPool.Open(new FileKeyStorage(_folder));
        var next = reopened.Take(0, 100);

        Assert.True(next.Range!.Offset >= first.End);
        Assert.Equal(_model.Bytes(next.Range), next.Material);
        Assert.Equal(new[] { "kb0_0", "qkp.s0", "qkp.s1" }, Directory.GetFiles(_folder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
