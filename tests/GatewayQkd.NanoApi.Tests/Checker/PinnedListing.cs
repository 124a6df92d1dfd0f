namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Restricts the copied listings to what the firmware may use with the pinned packages
/// (firmware/pairing/nanoframework-pairing.tsv): (1) nanoFramework.CoreLibrary is cut to the public surface of the real
/// mscorlib.dll of the pinned package (the listing was read at a later commit of CoreLibrary main); (2) the rows of
/// nanoframework-api/excluded.tsv are dropped. For the other packages the pairing's listing column records, from each
/// library's git history, that the listing's commit has the pinned tag's public API (or which members differ).
/// </summary>
internal static class PinnedListing
{
    private const string CoreLibrary = "nanoFramework.CoreLibrary";

    /// <summary>Gets the exclusions: package and ID (T: rows cover the type's members and nested types).</summary>
    public static IReadOnlyList<(string Package, string Id)> Exclusions { get; } = LoadExclusions();

    /// <summary>Returns the listing restricted as described above.</summary>
    public static ApiListing Restrict(ApiListing copied) => copied.Without(Drops);

    /// <summary>Returns true when the restriction drops this ID of this package.</summary>
    public static bool Drops(string package, string id)
    {
        if (package == CoreLibrary && !RealAssemblies.MscorlibIds.Contains(id))
        {
            return true;
        }

        foreach (var (excludedPackage, excluded) in Exclusions)
        {
            if (excludedPackage == package && Covers(excluded, id))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(string excluded, string id)
    {
        if (id == excluded)
        {
            return true;
        }

        if (!excluded.StartsWith("T:", StringComparison.Ordinal))
        {
            return false;
        }

        var type = excluded[2..];
        var declaring = id.StartsWith("T:", StringComparison.Ordinal) ? id[2..] : ApiListing.DeclaringTypeOf(id);
        return declaring == type || declaring.StartsWith(type + ".", StringComparison.Ordinal);
    }

    private static List<(string, string)> LoadExclusions()
    {
        var rows = new List<(string, string)>();
        var path = Path.Combine(AppContext.BaseDirectory, "nanoframework-api", "excluded.tsv");
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1))
        {
            var cells = line.Split('\t');
            rows.Add((cells[0], cells[1]));
        }

        return rows;
    }
}
