namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// The answer of <see cref="KeyPool.Take"/>: a status and, when <see cref="TakeStatus.Taken"/>, the key id (range)
    /// and the key bytes, which the pool no longer holds.
    /// </summary>
    public sealed class TakeResult
    {
        private TakeResult(TakeStatus status, KeyRange range, byte[] material)
        {
            Status = status;
            Range = range;
            Material = material;
        }

        /// <summary>Gets the outcome.</summary>
        public TakeStatus Status { get; private set; }

        /// <summary>Gets the key id of the material taken, or null when nothing was taken.</summary>
        public KeyRange Range { get; private set; }

        /// <summary>Gets the key bytes (the caller owns them and should clear them after use), or null when nothing was taken.</summary>
        public byte[] Material { get; private set; }

        /// <summary>Gets a value indicating whether key material was taken.</summary>
        public bool IsTaken
        {
            get { return Status == TakeStatus.Taken; }
        }

        /// <summary>Creates the answer for a successful take.</summary>
        public static TakeResult Taken(KeyRange range, byte[] material)
        {
            return new TakeResult(TakeStatus.Taken, range, material);
        }

        /// <summary>Creates the answer for a take that changed nothing.</summary>
        public static TakeResult Refused(TakeStatus status)
        {
            if (status == TakeStatus.Taken)
            {
                throw new System.ArgumentException("A refusal needs a refusing status.", "status");
            }

            return new TakeResult(status, null, null);
        }
    }
}
