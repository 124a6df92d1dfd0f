namespace GatewayQkd.Emulation.Metrics;

/// <summary>The run's counters, one per <see cref="RunCounter"/>. Thread-safe.</summary>
public sealed class RunCounters
{
    private readonly long[] _values = new long[Enum.GetValues<RunCounter>().Length];

    /// <summary>Gets a counter's value.</summary>
    public long this[RunCounter counter] => Interlocked.Read(ref _values[(int)counter]);

    /// <summary>Adds <paramref name="amount"/> (default 1) to a counter.</summary>
    public void Add(RunCounter counter, long amount = 1) => Interlocked.Add(ref _values[(int)counter], amount);

    /// <summary>Sets a counter that mirrors an external total (e.g. reconnections summed over clients).</summary>
    public void Set(RunCounter counter, long value) => Interlocked.Exchange(ref _values[(int)counter], value);

    /// <summary>Returns every counter by its snake_case report name, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ToList() =>
        [.. Enum.GetValues<RunCounter>().Select(c => KeyValuePair.Create(NameOf(c), this[c]))];

    /// <summary>Returns the report name of a counter: KeyBitsGenerated becomes key_bits_generated.</summary>
    public static string NameOf(RunCounter counter)
    {
        var name = counter.ToString();
        var text = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
