namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// firmware/pairing/nanoframework-pairing.tsv: the firmware image the firmware projects target and, per package, the
/// pinned version, the native version the package declares and the native version and checksum the image carries,
/// each with its source (the file's header says how it was read).
/// </summary>
internal static class FirmwarePairing
{
    /// <summary>The table's path, repository-relative.</summary>
    public const string RelativePath = "firmware/pairing/nanoframework-pairing.tsv";

    private static readonly Lazy<List<PairedPackage>> Rows = new(Load);

    /// <summary>Gets every row of the table.</summary>
    public static IReadOnlyList<PairedPackage> Packages => Rows.Value;

    /// <summary>Returns the row of a package id, or null when the table has none.</summary>
    public static PairedPackage? Find(string package) => Rows.Value.FirstOrDefault(p => p.Package == package);

    private static List<PairedPackage> Load()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryFiles.Root, RelativePath)).Where(l => l.Length > 0 && l[0] != '#').ToList();
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException(RelativePath + " has no column " + name);
        return lines.Skip(1).Select(line => line.Split('\t')).Select(cells => new PairedPackage(
            cells[Column("package")],
            cells[Column("version")],
            cells[Column("package_native")],
            cells[Column("firmware_native")],
            cells[Column("firmware_checksum")],
            cells[Column("listing")])).ToList();
    }
}

/// <summary>One row of the pairing table ("-" where an assembly has no native methods).</summary>
internal sealed record PairedPackage(string Package, string Version, string PackageNative, string FirmwareNative, string FirmwareChecksum, string Listing);
