using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// One authenticated, replay-protected channel between this node and a single peer that shares its 32-byte key:
    /// frame keys derived from that key, a send counter reserved on storage, and an opener that accepts only the
    /// peer's frames of the given types, with the peer's replay mark kept on storage. The sensor's and the key
    /// authority's ends of their links are both this.
    /// </summary>
    /// <remarks>Not thread-safe.</remarks>
    public sealed class PeerChannel
    {
        private readonly ushort _selfId;
        private readonly ushort _peerId;
        private readonly FrameKeys _keys;
        private readonly FrameSealer _sealer;
        private readonly FrameOpener _opener;
        private readonly SendCounter _counter;

        /// <summary>Creates the channel; <paramref name="replayFile"/> and <paramref name="counterFile"/> name its two storage files.</summary>
        public PeerChannel(ushort selfId, ushort peerId, byte[] sharedKey, ICryptoPrimitives crypto, IKeyStorage storage, string replayFile, string counterFile, int counterChunk, FrameType[] accepted)
        {
            if (crypto == null || storage == null)
            {
                throw new System.ArgumentNullException(crypto == null ? "crypto" : "storage");
            }

            _selfId = selfId;
            _peerId = peerId;
            _keys = FrameKeys.Derive(crypto, sharedKey);
            _sealer = new FrameSealer(crypto);
            PeerKeyTable peer = new PeerKeyTable(crypto);
            peer.Add(peerId, sharedKey);
            _opener = new FrameOpener(selfId, crypto, peer, new ReplayGuard(storage, replayFile), accepted);
            _counter = new SendCounter(storage, counterFile, counterChunk);
        }

        /// <summary>Gets the frame keys derived from the shared key (for key wrapping under the same link).</summary>
        public FrameKeys Keys
        {
            get { return _keys; }
        }

        /// <summary>Returns the next send counter (durably reserved; never repeats across restarts).</summary>
        public uint NextCounter()
        {
            return _counter.Next();
        }

        /// <summary>Returns <paramref name="body"/> sealed to the peer under <paramref name="counter"/> (from <see cref="NextCounter"/>).</summary>
        public byte[] Seal(FrameBody body, uint counter)
        {
            return _sealer.Seal(body, _selfId, _peerId, counter, _keys);
        }

        /// <summary>Opens a frame from the peer; any failure (including no payload) returns a code and changes nothing.</summary>
        public FrameOpenResult Open(byte[] payload)
        {
            return payload == null
                ? FrameOpenResult.Rejected(FrameStatus.Truncated, "frame: no payload.")
                : _opener.Open(payload, 0, payload.Length, _peerId);
        }
    }
}
