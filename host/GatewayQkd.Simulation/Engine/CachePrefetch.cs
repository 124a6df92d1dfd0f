using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// A hint to bring the cache lines around a field into the cache ahead of use (x86 PREFETCHT0; elsewhere nothing).
/// With thousands of gateways the state an arrival touches is not in cache (the scale preset spent about half its time
/// on those misses); the simulator reads arrivals ahead, so it knows which gateway comes next. A prefetch never faults
/// and changes no value: a stale address (the GC moved the object) only wastes the hint.
/// </summary>
internal static class CachePrefetch
{
    private const int Line = 64;

    /// <summary>Prefetches the first <paramref name="lines"/> cache lines of an object without reading it.</summary>
    /// <remarks>
    /// The object's address is taken from the reference itself (no field access, so no null check that would load
    /// the very line being prefetched and stall on it).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Object(object target, int lines)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        byte* at = (byte*)Unsafe.As<object, nint>(ref target);
        for (int line = 0; line < lines; line++)
        {
            Sse.Prefetch0(at + (line * Line));
        }
    }
}
