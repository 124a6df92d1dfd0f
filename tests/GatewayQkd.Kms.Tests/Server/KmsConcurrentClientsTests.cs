using GatewayQkd.Kms.Client;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.KeyIds;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>
/// Single delivery under the batched commit path: many keep-alive clients at once, each fetching its keys and also
/// trying to fetch the other clients' keys again. No key_ID reaches a slave twice and no key byte is in two keys.
/// </summary>
public abstract class KmsConcurrentClientsTests(TestCertificates certificates, EngineFixture? postgres) : KmsHttpsTest(certificates, postgres)
{
    private const int Clients = 16;
    private const int Rounds = 6;
    private const int KeysPerRequest = 4;
    private const int KeyBytes = 16;

    [Fact]
    public async Task Many_Clients_At_Once_Never_Get_A_Key_Id_Twice_Or_A_Key_Byte_In_Two_Keys()
    {
        var extra = new byte[Clients * Rounds * KeysPerRequest * KeyBytes];
        new Random(15).NextBytes(extra);
        Kms.Store.ReserveForEtsi014(7, 0, extra);
        var reservation = Kms.Material.Concat(extra).ToArray();
        var delivered = new System.Collections.Concurrent.ConcurrentBag<KeyEntry>();
        var issued = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var refusedRetries = 0;
        var clients = Enumerable.Range(0, Clients)
            .Select(_ => (Master: new KmsClient(Kms.Server.Url, Certificates.Cs, Certificates.Ca),
                Slave: new KmsClient(Kms.Server.Url, Certificates.Gn7, Certificates.Ca))).ToList();
        try
        {
            await Task.WhenAll(clients.Select(async client =>
            {
                for (var round = 0; round < Rounds; round++)
                {
                    var sent = await client.Master.GetKeysAsync("gn-7", KeysPerRequest, KeyBytes * 8);
                    var received = await client.Slave.GetKeysWithIdsAsync("cs", sent.Keys.Select(k => k.KeyId));
                    Assert.Equal(sent.Keys.Select(k => k.Key), received.Keys.Select(k => k.Key));
                    foreach (var key in received.Keys)
                    {
                        delivered.Add(key);
                        issued.Enqueue(key.KeyId);
                    }

                    // Try again a key some client has already fetched: always refused.
                    if (issued.TryPeek(out var old))
                    {
                        var again = await Assert.ThrowsAsync<Etsi014Exception>(() => client.Slave.GetKeysWithIdsAsync("cs", [old]));
                        Assert.Equal(400, again.StatusCode);
                        Interlocked.Increment(ref refusedRetries);
                    }
                }
            }));
        }
        finally
        {
            clients.ForEach(c =>
            {
                c.Master.Dispose();
                c.Slave.Dispose();
            });
        }

        var keys = delivered.ToList();
        Assert.Equal(Clients * Rounds * KeysPerRequest, keys.Count);
        Assert.Equal(keys.Count, keys.Select(k => k.KeyId).Distinct().Count());
        Assert.Equal(Clients * Rounds, refusedRetries);
        var owner = new int[reservation.Length];
        foreach (var (key, index) in keys.Select((k, i) => (k, i + 1)))
        {
            Assert.True(KeyIdCodec.TryParse(key.KeyId, out var id, out _));
            Assert.Equal(KeyStreamUse.Etsi014, id!.Use);
            var (offset, length) = ((int)id.Range.Offset, id.Range.Length);
            Assert.Equal(reservation[offset..(offset + length)], Convert.FromBase64String(key.Key));
            for (var b = offset; b < offset + length; b++)
            {
                Assert.True(owner[b] == 0, $"reservation byte {b} is in two keys");
                owner[b] = index;
            }
        }
    }
}

[Collection(KmsCollection.Name)]
public sealed class KmsConcurrentClientsOnSqliteTests(TestCertificates certificates) : KmsConcurrentClientsTests(certificates, null);

[Collection(KmsCollection.Name)]
public sealed class KmsConcurrentClientsOnPostgresTests(TestCertificates certificates, EngineFixture postgres)
    : KmsConcurrentClientsTests(certificates, postgres), IClassFixture<EngineFixture>;
