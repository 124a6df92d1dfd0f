using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Server;

public abstract class KmsConcurrencyAndRestartTests(TestCertificates certificates, EngineFixture? postgres) : KmsHttpsTest(certificates, postgres)
{
    [Fact]
    public async Task Concurrent_EncKeys_Never_Deliver_Overlapping_Key_Material()
    {
        var clients = Enumerable.Range(0, 4).Select(_ => Kms.Cs).ToList();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Wire.Get(clients[i % clients.Count], "api/v1/keys/gn-7/enc_keys?number=2&size=128")));

        Assert.All(responses, r => Assert.Equal(200, r.Status));
        var ranges = responses.SelectMany(r => r.Body.GetProperty("keys").EnumerateArray())
            .Select(k => Wire.RangeOf(k.GetProperty("key_ID").GetString()!))
            .Select(r => new KeyRange(0, (uint)r.Offset, r.Length)).ToList();
        Assert.Equal(48, ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                Assert.False(ranges[i].Overlaps(ranges[j]), $"{ranges[i]} overlaps {ranges[j]}");
            }
        }
    }

    [Fact]
    public async Task Concurrent_DecKeys_For_One_Key_Deliver_It_Once()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys");
        var path = $"api/v1/keys/cs/dec_keys?key_ID={sent.GetProperty("keys")[0].GetProperty("key_ID").GetString()}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Wire.Get(Kms.Gn7, path)));

        Assert.Equal(1, responses.Count(r => r.Status == 200));
        Assert.Equal(11, responses.Count(r => r.Status == 400));
    }

    [Fact]
    public async Task Concurrent_Lookups_Of_One_Issued_Key_Deliver_It_Once()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=1&size=256");
        var path = "api/v1/keys/cs/dec_keys?key_ID=" + sent.GetProperty("keys")[0].GetProperty("key_ID").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Wire.Get(Kms.Gn7, path)));

        Assert.Equal(1, responses.Count(r => r.Status == 200));
    }

    [Fact]
    public async Task A_Restart_Keeps_Every_Undelivered_Key_And_Forgets_None_Delivered()
    {
        var (_, sent) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=4&size=256");
        var keys = sent.GetProperty("keys").EnumerateArray().ToList();
        var ids = keys.Select(k => k.GetProperty("key_ID").GetString()!).ToList();
        foreach (var id in ids.Take(2))
        {
            Assert.Equal(200, (await Wire.Get(Kms.Gn7, $"api/v1/keys/cs/dec_keys?key_ID={id}")).Status);
        }

        await Kms.RestartAsync();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(400, (await Wire.Get(Kms.Gn7, $"api/v1/keys/cs/dec_keys?key_ID={ids[i]}")).Status);
        }

        for (var i = 2; i < 4; i++)
        {
            var (status, body) = await Wire.Get(Kms.Gn7, $"api/v1/keys/cs/dec_keys?key_ID={ids[i]}");
            Assert.Equal(200, status);
            Assert.Equal(Wire.KeyBytes(keys[i]), Wire.KeyBytes(body.GetProperty("keys")[0]));
        }

        var (_, status2) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/status");
        Assert.Equal((KmsHarness.SeededBytes / 32) - 4, status2.GetProperty("stored_key_count").GetInt64());
    }

    [Fact]
    public async Task After_A_Restart_Fresh_Keys_Never_Repeat_Delivered_Ones()
    {
        var (_, before) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=8&size=512");

        await Kms.RestartAsync();
        var (status, after) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=8&size=512");

        Assert.Equal(200, status);
        var old = before.GetProperty("keys").EnumerateArray().Select(k => Wire.RangeOf(k.GetProperty("key_ID").GetString()!))
            .Select(r => new KeyRange(0, (uint)r.Offset, r.Length)).ToList();
        var fresh = after.GetProperty("keys").EnumerateArray().Select(k => Wire.RangeOf(k.GetProperty("key_ID").GetString()!))
            .Select(r => new KeyRange(0, (uint)r.Offset, r.Length)).ToList();
        Assert.DoesNotContain(fresh, f => old.Any(o => o.Overlaps(f)));
        var (insufficient, _) = await Wire.Get(Kms.Cs, "api/v1/keys/gn-7/enc_keys?number=1&size=128");
        Assert.Equal(503, insufficient);
    }
}

[Collection(KmsCollection.Name)]
public sealed class KmsConcurrencyAndRestartOnSqliteTests(TestCertificates certificates) : KmsConcurrencyAndRestartTests(certificates, null);

[Collection(KmsCollection.Name)]
public sealed class KmsConcurrencyAndRestartOnPostgresTests(TestCertificates certificates, EngineFixture postgres)
    : KmsConcurrencyAndRestartTests(certificates, postgres), IClassFixture<EngineFixture>;
