namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// A range of key material: <see cref="Length"/> bytes starting at byte <see cref="Offset"/> of the key stream the
    /// gateway shares with peer <see cref="PeerId"/> (0 = central server). This triple is the key id on the wire and in
    /// the central key store: both ends hold the same stream, so the same range means the same bits.
    /// </summary>
    /// <remarks>Immutable. Ranges of one peer never overlap once issued (the key pool guarantees it).</remarks>
    public sealed class KeyRange
    {
        /// <summary>Creates a key range; the length must be positive and the range must not run past 2^32 bytes.</summary>
        public KeyRange(ushort peerId, uint offset, int length)
        {
            if (length <= 0)
            {
                throw new System.ArgumentOutOfRangeException("length", "A key range needs a positive length.");
            }

            if ((ulong)offset + (ulong)length > 0x100000000UL)
            {
                throw new System.ArgumentOutOfRangeException("length", "The key range runs past the end of the 32-bit key stream.");
            }

            PeerId = peerId;
            Offset = offset;
            Length = length;
        }

        /// <summary>Gets the peer whose key stream this range belongs to (0 = central server, otherwise a gateway id).</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the byte offset of the first key byte in the peer's key stream.</summary>
        public uint Offset { get; private set; }

        /// <summary>Gets the length in bytes.</summary>
        public int Length { get; private set; }

        /// <summary>Gets the offset one past the last byte.</summary>
        public ulong End
        {
            get { return (ulong)Offset + (ulong)Length; }
        }

        /// <summary>Returns true when the two ranges are of the same peer and share at least one byte.</summary>
        public bool Overlaps(KeyRange other)
        {
            return other != null && other.PeerId == PeerId && other.Offset < End && Offset < other.End;
        }

        /// <inheritdoc />
        public override bool Equals(object obj)
        {
            KeyRange other = obj as KeyRange;
            return other != null && other.PeerId == PeerId && other.Offset == Offset && other.Length == Length;
        }

        /// <inheritdoc />
        public override int GetHashCode()
        {
            return (int)(Offset * 31) ^ (PeerId << 16) ^ Length;
        }

        /// <summary>Returns "peer/offset+length", e.g. "0/4096+32".</summary>
        public override string ToString()
        {
            return PeerId.ToString() + "/" + Offset.ToString() + "+" + Length.ToString();
        }
    }
}
