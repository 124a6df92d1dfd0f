namespace GatewayQkd.Emulation.Hap;

/// <summary>
/// The key bits one link has produced but not yet cut into a block: fractional bits carry over between intervals so
/// that no rate is lost to rounding, and whole blocks are taken out when enough bits are there.
/// </summary>
public sealed class KeyBitAccumulator
{
    private readonly int _blockBits;
    private double _bits;

    /// <summary>Creates an accumulator cutting blocks of <paramref name="blockBytes"/> bytes.</summary>
    public KeyBitAccumulator(int blockBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockBytes, 1);
        _blockBits = blockBytes * 8;
    }

    /// <summary>Gets the bits produced and not yet in a block.</summary>
    public double Bits => _bits;

    /// <summary>Adds produced bits (non-negative).</summary>
    public void Add(double bits)
    {
        if (!(bits >= 0) || !double.IsFinite(bits))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Produced key bits must be a finite non-negative number.");
        }

        _bits += bits;
    }

    /// <summary>Removes and returns the number of whole blocks available, at most <paramref name="limit"/>.</summary>
    public int TakeBlocks(int limit = int.MaxValue)
    {
        var blocks = (int)Math.Min(limit, Math.Floor(_bits / _blockBits));
        _bits -= (double)blocks * _blockBits;
        return blocks;
    }
}
