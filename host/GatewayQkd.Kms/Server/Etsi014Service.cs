using System.Data.Common;
using GatewayQkd.Kms.Etsi014;
using GatewayQkd.Kms.KeyIds;
using GatewayQkd.Kms.Sae;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.Server;

/// <summary>
/// The ETSI GS QKD 014 operations on the central key store, free of HTTP: the caller's SAE node comes from its client
/// certificate, the path SAE from the URL. Errors follow QKDNetSim's KMS (400 "requested parameters do not adhere to KMS
/// rules" with number_unsupported / size_unsupported details, 400 "key access error", 503 "insufficient amount of key
/// material") and ETSI GS QKD 014 s5 (401 for an unauthorised SAE).
/// </summary>
public sealed class Etsi014Service
{
    /// <summary>Message of a 400 for parameters outside the policy.</summary>
    public const string RulesMessage = "requested parameters do not adhere to KMS rules";

    /// <summary>Message of a 400 for key ids that cannot be delivered.</summary>
    public const string KeyAccessMessage = "key access error";

    /// <summary>Message of a 503 when the stream holds too little key.</summary>
    public const string InsufficientMessage = "insufficient amount of key material";

    /// <summary>Message of a 503 when the key store could not commit the request (nothing of it was stored or handed out).</summary>
    public const string StoreFailedMessage = "key store unavailable";

    private readonly CentralKeyStore _store;
    private readonly KmsPolicy _policy;

    /// <summary>Creates the service.</summary>
    public Etsi014Service(CentralKeyStore store, KmsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _policy = policy;
    }

    /// <summary>Get status: the ETSI 014 reservation between the calling master and <paramref name="slaveSae"/>.</summary>
    public async Task<StatusResponse> StatusAsync(ushort master, string slaveSae)
    {
        var slave = PeerNode(master, slaveSae, "slave_SAE_ID");
        var available = (await _store.GetCountsAsync(master, slave, KeyStreamUse.Etsi014).ConfigureAwait(false)).AvailableBytes;
        return new StatusResponse
        {
            SourceKmeId = SaeId.KmeForNode(master),
            TargetKmeId = SaeId.KmeForNode(slave),
            MasterSaeId = SaeId.ForNode(master),
            SlaveSaeId = SaeId.ForNode(slave),
            KeySize = _policy.DefaultKeySizeBits,
            StoredKeyCount = Math.Min(available / (_policy.DefaultKeySizeBits / 8), _policy.MaxKeyCount),
            MaxKeyCount = _policy.MaxKeyCount,
            MaxKeyPerRequest = _policy.MaxKeysPerRequest,
            MaxKeySize = _policy.MaxKeySizeBits,
            MinKeySize = _policy.MinKeySizeBits,
            MaxSaeIdCount = 0,
        };
    }

    /// <summary>Get key: fresh keys for the calling master, shared with <paramref name="slaveSae"/>, from their reservation.</summary>
    public async Task<KeyContainer> EncKeysAsync(ushort master, string slaveSae, KeyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slave = PeerNode(master, slaveSae, "slave_SAE_ID");
        var number = request.Number ?? 1;
        var size = request.Size ?? _policy.DefaultKeySizeBits;
        if (number < 1 || number > _policy.MaxKeysPerRequest)
        {
            throw new Etsi014Exception(400, RulesMessage,
                ("number_unsupported", $"number {number} is not within 1..{_policy.MaxKeysPerRequest}"));
        }

        if (size % 8 != 0 || size < _policy.MinKeySizeBits || size > _policy.MaxKeySizeBits)
        {
            throw new Etsi014Exception(400, RulesMessage, ("size_unsupported",
                $"size {size} is not a multiple of 8 within {_policy.MinKeySizeBits}..{_policy.MaxKeySizeBits} bits"));
        }

        if (request.AdditionalSlaveSaeIds is { Count: > 0 })
        {
            throw new Etsi014Exception(400, RulesMessage,
                ("additional_slave_SAE_IDs_unsupported", "this KME delivers keys to one slave SAE only (max_SAE_ID_count 0)"));
        }

        if (request.ExtensionMandatory is { Count: > 0 })
        {
            throw new Etsi014Exception(400, RulesMessage,
                ("extension_mandatory_unsupported", "this KME supports no extension parameters"));
        }

        try
        {
            return Container(await _store.DeliverToMasterAsync(master, slave, size / 8, number).ConfigureAwait(false));
        }
        catch (KeyStoreException e) when (e.Error == KeyStoreError.InsufficientKey)
        {
            throw new Etsi014Exception(503, InsufficientMessage, ("insufficient_key", e.Message));
        }
        catch (DbException e)
        {
            throw StoreFailed(e);
        }
    }

    /// <summary>Get key with key IDs: the calling slave fetches keys of the stream it shares with <paramref name="masterSae"/>.</summary>
    public async Task<KeyContainer> DecKeysAsync(ushort slave, string masterSae, IReadOnlyList<string?> keyIds)
    {
        ArgumentNullException.ThrowIfNull(keyIds);
        var master = PeerNode(slave, masterSae, "master_SAE_ID");
        if (keyIds.Count == 0 || keyIds.Count > _policy.MaxKeysPerRequest)
        {
            throw new Etsi014Exception(400, KeyAccessMessage,
                ("key_IDs", $"a request names 1..{_policy.MaxKeysPerRequest} key_IDs, got {keyIds.Count}"));
        }

        var ids = new List<GatewayKeyId>(keyIds.Count);
        foreach (var keyId in keyIds)
        {
            if (!KeyIdCodec.TryParse(keyId, out var id, out var reason))
            {
                throw new Etsi014Exception(400, KeyAccessMessage, ("key_ID", $"{keyId}: {reason}"));
            }

            ids.Add(id!);
        }

        try
        {
            return Container(await _store.DeliverToSlaveAsync(slave, master, ids).ConfigureAwait(false));
        }
        catch (KeyStoreException e) when (e.Error == KeyStoreError.NotAuthorized)
        {
            throw new Etsi014Exception(401, "unauthorized", ("key_ID", e.Message));
        }
        catch (KeyStoreException e)
        {
            throw new Etsi014Exception(400, KeyAccessMessage, ("key_ID", e.Message));
        }
        catch (DbException e)
        {
            throw StoreFailed(e);
        }
    }

    // The transaction holding the request failed (its whole batch was rolled back): the caller may ask again; the
    // engine's message stays in the server (it may name hosts), the SAE learns only that nothing was handed out.
    private static Etsi014Exception StoreFailed(DbException error) =>
        new(503, StoreFailedMessage, ("key_store",
            $"the key store could not commit the request (SQLSTATE/code {error.SqlState ?? error.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}); no key was handed out, try again"));

    private static ushort PeerNode(ushort caller, string pathSae, string field)
    {
        if (!SaeId.TryParse(pathSae, out var node))
        {
            throw new Etsi014Exception(400, RulesMessage,
                (field, $"'{pathSae}' is not an SAE id of this network (cs or gn-<1..65535>)"));
        }

        if (node == caller)
        {
            throw new Etsi014Exception(400, RulesMessage, (field, $"SAE {pathSae} shares no key with itself"));
        }

        return node;
    }

    private static KeyContainer Container(IReadOnlyList<StoredKey> keys) => new()
    {
        Keys = keys.Select(k => new KeyEntry
        {
            KeyId = KeyIdCodec.Format(k.Id),
            Key = Convert.ToBase64String(k.Key),
        }).ToList(),
    };
}
