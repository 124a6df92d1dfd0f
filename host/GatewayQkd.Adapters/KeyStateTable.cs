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
/// An array's first use in its entry returns no state (the caller computes one-shot) and only remembers the array
/// reference as the entry's candidate; its second use there builds the state from a copy of the key, and later uses
/// reuse it until the array's content differs from that copy (erased and refilled: rebuilt, never served from the old
/// key) or another array is used twice in the entry. A first use never evicts the kept state, so one-time keys (the
/// per-message wrap keys) cannot push a link's keys out; they cost one reference store and leave no copy of themselves
/// here. The table holds at most 2 x <see cref="Size"/> array references (the core erases its one-time keys after use,
/// so what they keep alive is zeros). Two hot arrays that share an entry take it from each other: slower, never wrong.
/// Each entry is locked while in use.
/// </remarks>
internal sealed class KeyStateTable<TState>
    where TState : class, IDisposable
{
    /// <summary>The number of entries (a power of two).</summary>
    public const int Size = 1024;

    private readonly Entry[] _entries = new Entry[Size];
    private readonly Func<byte[], TState> _create;

    /// <summary>Creates the table; <paramref name="create"/> builds the state of a key (from a private copy it may keep).</summary>
    public KeyStateTable(Func<byte[], TState> create)
    {
        _create = create;
        for (var i = 0; i < Size; i++)
        {
            _entries[i] = new Entry();
        }
    }

    /// <summary>Returns the entry of <paramref name="key"/>'s array; lock it, then call <see cref="Entry.StateFor"/>.</summary>
    public Entry EntryOf(byte[] key) => _entries[RuntimeHelpers.GetHashCode(key) & (Size - 1)];

    /// <summary>One entry: the array whose state it keeps, and the last other array seen here once.</summary>
    public sealed class Entry
    {
        private byte[]? _array;
        private byte[]? _copy;
        private TState? _state;
        private byte[]? _candidate;

        /// <summary>Under the entry's lock: the state of <paramref name="key"/>, or null on the array's first use here (compute one-shot).</summary>
        public TState? StateFor(byte[] key, KeyStateTable<TState> table)
        {
            if (ReferenceEquals(_array, key))
            {
                if (!CryptographicOperations.FixedTimeEquals(_copy, key))
                {
                    Keep(key, table); // the array was refilled: the old schedule must never serve the new key
                }

                return _state;
            }

            if (ReferenceEquals(_candidate, key))
            {
                Keep(key, table); // its second use: worth a schedule, and it takes the entry from the kept one
                return _state;
            }

            _candidate = key; // a first use never evicts the kept state, so a message key cannot push out a link's keys
            return null;
        }

        private void Keep(byte[] key, KeyStateTable<TState> table)
        {
            _state?.Dispose();
            _state = null;
            if (_copy != null)
            {
                CryptographicOperations.ZeroMemory(_copy);
            }

            _candidate = null;
            _array = key;
            _copy = (byte[])key.Clone();
            _state = table._create(_copy);
        }
    }
}
