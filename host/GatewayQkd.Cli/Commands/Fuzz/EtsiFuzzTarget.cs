using System.Text;
using System.Text.Json;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.Server;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// The ETSI GS QKD 014 JSON: mutated Key request and Key IDs bodies through the KMS's serializer settings
/// (<see cref="Etsi014Json.Options"/>), and what parses into <see cref="Etsi014Service"/> (every eighth case) on a key
/// store with key but no key issued. Checks: parsing refuses only with <see cref="JsonException"/>; the service refuses
/// only with <see cref="Etsi014Exception"/>; dec_keys never delivers a key (none was issued) and a refused call
/// uses no key material.
/// </summary>
public sealed class EtsiFuzzTarget : FuzzTarget, IDisposable
{
    private const string KeyRequestBody = """{"number": 2, "size": 256, "additional_slave_SAE_IDs": [], "extension_optional": [{"x": 1}]}""";
    private const string KeyIdsBody = """{"key_IDs": [{"key_ID": "00000000-0007-814b-8000-000000000020"}, {"key_ID": "00000040-0007-814b-8001-000000000010"}]}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-fuzz-").FullName;
    private readonly CentralKeyStore _store;
    private readonly Etsi014Service _service;

    /// <summary>Creates the target with a store holding 4 KiB of key in gateway 7's ETSI 014 reservation.</summary>
    public EtsiFuzzTarget()
    {
        _store = CentralKeyStore.Open(Path.Combine(_folder, "fuzz.sqlite"));
        for (var i = 0; i < 4; i++)
        {
            _store.ReserveForEtsi014(7, 0, new byte[1024]);
        }

        _service = new Etsi014Service(_store, new KmsPolicy());
    }

    /// <inheritdoc />
    public override string Name => "etsi";

    /// <inheritdoc />
    public override string Description => "mutated ETSI 014 Key request / Key IDs JSON through the KMS serializer, then Etsi014Service";

    /// <inheritdoc />
    public override void RunCase(Random random)
    {
        var ids = random.Next(2) == 0;
        var text = Mutator.Mutate(Encoding.UTF8.GetBytes(ids ? KeyIdsBody : KeyRequestBody), random);
        object? parsed;
        try
        {
            parsed = ids ? JsonSerializer.Deserialize<KeyIdsRequest>(text, Etsi014Json.Options) : JsonSerializer.Deserialize<KeyRequest>(text, Etsi014Json.Options);
        }
        catch (JsonException)
        {
            return; // the documented refusal (the endpoint answers 400 "bad request")
        }

        if (parsed is null || random.Next(8) != 0)
        {
            return;
        }

        var used = _store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes;
        try
        {
            if (parsed is KeyIdsRequest request)
            {
                var delivered = _service.DecKeysAsync(0, "gn-7", request.KeyIds?.Select(k => k?.KeyId).ToList() ?? []).GetAwaiter().GetResult();
                throw new FuzzFailure($"dec_keys delivered {delivered.Keys.Count} key(s) that enc_keys never issued");
            }

            _service.EncKeysAsync(7, "cs", (KeyRequest)parsed).GetAwaiter().GetResult();
        }
        catch (Etsi014Exception)
        {
            if (_store.GetCounts(7, 0, KeyStreamUse.Etsi014).UsedBytes != used)
            {
                throw new FuzzFailure("a refused ETSI 014 call used key material");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
