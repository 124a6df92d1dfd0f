namespace GatewayQkd.Kms.Store;

/// <summary>
/// Using many keys in one commit: the central server's telemetry verifier opens a batch of frames, each under its own
/// key, with one transaction (and one fsync) for the whole batch instead of two per frame (a read, then a mark).
/// </summary>
public sealed partial class CentralKeyStore
{
    /// <summary>
    /// For each key of <paramref name="keys"/>, in order and in one commit: reads its bytes when the range is generated
    /// and unused, hands them to <paramref name="accept"/> (with the key's index), and only when it approves marks the
    /// range used and erases it, as <see cref="ConsumeKey"/> does. A key the store refuses is left out of
    /// <paramref name="accept"/> and changes nothing; a later key overlapping an earlier one of the same batch that
    /// was used is refused as a replay, exactly as when the calls ran one by one. Returns, per key, the store's
    /// refusal (<see cref="KeyStoreError.NotGenerated"/>, <see cref="KeyStoreError.AlreadyUsed"/>) or null when it was
    /// handed to <paramref name="accept"/> (used if and only if that approved). Durable on return; if
    /// <paramref name="accept"/> or the commit throws, no key of the batch is used.
    /// </summary>
    public IReadOnlyList<KeyStoreError?> UseKeysIf(IReadOnlyList<GatewayKeyId> keys, Func<int, byte[], bool> accept)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(accept);
        foreach (var id in keys)
        {
            ArgumentNullException.ThrowIfNull(id);
            Required(id.Range);
        }

        return Write(transaction =>
        {
            var refusals = new KeyStoreError?[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                var id = keys[i];
                var state = StreamRows.Lock(transaction, id.Stream); // for a stream never appended to, an empty row that holds no key (GetAllCounts lists streams with blocks)
                try
                {
                    RequireUnused(transaction, state, id); // reads only: a refusal leaves nothing to undo
                }
                catch (KeyStoreException e)
                {
                    refusals[i] = e.Error;
                    continue;
                }

                if (accept(i, BlockRows.Read(transaction, id.Stream, id.Range.Offset, id.Range.Length)))
                {
                    TakeRange(transaction, state, id.Range.Offset, id.Range.Length, erase: true);
                    StreamRows.Save(transaction, state);
                }
            }

            return (IReadOnlyList<KeyStoreError?>)refusals;
        });
    }
}
