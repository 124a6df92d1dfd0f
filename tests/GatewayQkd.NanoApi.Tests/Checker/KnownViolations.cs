namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// The known, reported violations in code the firmware helper does not own (known-violations.txt): they are listed
/// in the test output instead of failing it, and a listed one that no longer occurs fails the test so the list shrinks.
/// </summary>
internal sealed record KnownViolations(IReadOnlyList<KnownViolation> Entries)
{
    /// <summary>Loads known-violations.txt from the test output directory.</summary>
    public static KnownViolations Load()
    {
        var entries = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "known-violations.txt"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('|'))
            .Select(cells => new KnownViolation(cells[0], cells[1], cells[2], cells[3]))
            .ToList();
        return new KnownViolations(entries);
    }

    /// <summary>Returns the entry a violation matches, or null.</summary>
    public KnownViolation? Match(Violation violation) =>
        Entries.FirstOrDefault(e => e.File == violation.File && violation.Message.Contains(e.What, StringComparison.Ordinal));
}
