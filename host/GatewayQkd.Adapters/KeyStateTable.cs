using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace GatewayQkd.Adapters;

/// <summary>
/// Keyed native state (an AES key schedule, a keyed HMAC) of the key arrays a caller uses again, found by the array's
/// identity in a fixed direct-mapped table: a lookup allocates nothing and registers nothing with the garbage
/// collector (the table it replaces, a ConditionalWeakTable, created a dependent handle and an entry for every new
/// key array, which for the per-message wrap keys was most of the cost of a wrap; docs/benchmarks.md, "Group commit").
/// </summary>
/// <remarks>
/// An array's first use at its index returns no entry (the caller computes one-shot) and only remembers the array
/// reference as the index's candidate; its second use there gets the index's entry, which builds the state from a copy
/// of the key and reuses it until the array's content differs from that copy (erased and refilled: rebuilt, never
/// served from the old key) or another array is used twice at the index. A first use never evicts the kept state, so
/// one-time keys (the per-message wrap keys) cannot push a link's keys out; they cost one reference store, allocate
/// nothing and leave no copy of themselves here. Entries are allocated only for keys used twice, so an instance costs
/// two arrays of <see cref="Size"/> references plus its reused keys (one instance per emulated gateway). The table
/// holds at most 2 x <see cref="Size"/> array references (the core erases its one-time keys after use, so what they keep
/// alive is zeros). Two hot arrays that share an index take it from each other: slower, never wrong. The caller locks
/// an entry while it uses it; the unlocked look-up may race, which costs a rebuild at worst.
/// </remarks>
internal sealed class KeyStateTable<TState>
    where TState : class, IDisposable
{
    /// <summary>The number of indexes (a power of two).</summary>
    public const int Size = 512;

    private readonly Entry?[] _entries = new Entry?[Size];
    private readonly byte[]?[] _candidates = new byte[]?[Size];
    private readonly Func<byte[], TState> _create;

    /// <summary>Creates the table; <paramref name="create"/> builds the state of a key (from a private copy it may keep).</summary>
    public KeyStateTable(Func<byte[], TState> create) => _create = create;

    /// <summary>
    /// Returns the entry for <paramref name="key"/>'s array (lock it, then call <see cref="Entry.StateFor"/>), or null
    /// on the array's first use at its index (compute one-shot).
    /// </summary>
    public Entry? Find(byte[] key)
    {
        var index = RuntimeHelpers.GetHashCode(key) & (Size - 1);
        var entry = Volatile.Read(ref _entries[index]);
        if (entry != null && entry.Holds(key))
        {
            return entry;
        }

        if (!ReferenceEquals(Volatile.Read(ref _candidates[index]), key))
        {
            Volatile.Write(ref _candidates[index], key);
            return null;
        }

        return entry ?? Interlocked.CompareExchange(ref _entries[index], new Entry(), null) ?? _entries[index]!;
    }

    /// <summary>One index's kept state: the array it belongs to and a copy of the key it was built from.</summary>
    public sealed class Entry
    {
        private byte[]? _array;
        private byte[]? _copy;
        private TState? _state;

        /// <summary>Gets whether the state kept here is <paramref name="key"/>'s array's (unlocked: a hint, checked again by <see cref="StateFor"/>).</summary>
        public bool Holds(byte[] key) => ReferenceEquals(Volatile.Read(ref _array), key);

        /// <summary>Under the entry's lock: the state of <paramref name="key"/>, built now unless kept for this array and content.</summary>
        public TState StateFor(byte[] key, KeyStateTable<TState> table)
        {
            if (_state == null || !ReferenceEquals(_array, key) || !CryptographicOperations.FixedTimeEquals(_copy, key))
            {
                Keep(key, table); // a second use, or the array was refilled: the old schedule must never serve the new key
            }

            return _state!;
        }

        private void Keep(byte[] key, KeyStateTable<TState> table)
        {
            _state?.Dispose();
            _state = null;
            if (_copy != null)
            {
                CryptographicOperations.ZeroMemory(_copy);
            }

            _copy = (byte[])key.Clone();
            _state = table._create(_copy);
            Volatile.Write(ref _array, key);
        }
    }
}
