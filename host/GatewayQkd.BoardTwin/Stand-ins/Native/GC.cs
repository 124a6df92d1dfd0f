namespace nanoFramework.Runtime.Native;

/// <summary>
/// nanoFramework.Runtime.Native.GC: Run(compactHeap) collects and returns the free managed heap in bytes. The twin is
/// a .NET process whose heap says nothing about an ESP32's, so it collects and reports 0 (the board's figures are in
/// hardware/memory-budget.md).
/// </summary>
public static class GC
{
    public static uint Run(bool compactHeap)
    {
        System.GC.Collect(System.GC.MaxGeneration, System.GCCollectionMode.Forced, blocking: true, compacting: compactHeap);
        return 0;
    }
}
