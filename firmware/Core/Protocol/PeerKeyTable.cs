using System.Collections;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>The working keys of every sender a receiver trusts on one channel, by sender id.</summary>
    public sealed class PeerKeyTable
    {
        private readonly Hashtable _keys = new Hashtable();
        private readonly ICryptoPrimitives _crypto;

        /// <summary>Creates an empty table that derives working keys with <paramref name="crypto"/>.</summary>
        public PeerKeyTable(ICryptoPrimitives crypto)
        {
            if (crypto == null)
            {
                throw new System.ArgumentNullException("crypto");
            }

            _crypto = crypto;
        }

        /// <summary>Gets the number of peers.</summary>
        public int Count
        {
            get { return _keys.Count; }
        }

        /// <summary>Adds (or replaces) the 32-byte pairwise key shared with <paramref name="peerId"/>.</summary>
        public void Add(ushort peerId, byte[] pairKey)
        {
            _keys[(int)peerId] = FrameKeys.Derive(_crypto, pairKey);
        }

        /// <summary>Returns the working keys shared with <paramref name="peerId"/>, or null when it is unknown.</summary>
        public FrameKeys Find(ushort peerId)
        {
            return (FrameKeys)_keys[(int)peerId];
        }
    }
}
