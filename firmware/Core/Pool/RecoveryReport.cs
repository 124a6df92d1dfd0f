namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// What start-up recovery found and did: the ranges it counted as lost (consumed durably but not known to have been
    /// handed out before the restart), the files it dropped as torn or corrupt, and the erasures it completed.
    /// </summary>
    public sealed class RecoveryReport
    {
        /// <summary>Creates a report.</summary>
        public RecoveryReport(KeyRange[] lostRanges, string[] droppedFiles, int completedErasures)
        {
            LostRanges = lostRanges;
            DroppedFiles = droppedFiles;
            CompletedErasures = completedErasures;
        }

        /// <summary>Gets the ranges counted as lost by this recovery (at most one per peer; none after a clean hand-out history).</summary>
        public KeyRange[] LostRanges { get; private set; }

        /// <summary>Gets the names of files recovery deleted or ignored because they were torn, corrupt or inconsistent.</summary>
        public string[] DroppedFiles { get; private set; }

        /// <summary>Gets the number of block files recovery deleted or rewrote to erase material consumed before the restart.</summary>
        public int CompletedErasures { get; private set; }

        /// <summary>Gets the bits in <see cref="LostRanges"/>.</summary>
        public long LostBits
        {
            get
            {
                long bits = 0;
                for (int i = 0; i < LostRanges.Length; i++)
                {
                    bits += (long)LostRanges[i].Length * 8;
                }

                return bits;
            }
        }
    }
}
