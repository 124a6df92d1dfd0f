using System.Globalization;
using System.Text.RegularExpressions;
using GatewayQkd.NanoApi.Tests.Checker;

namespace GatewayQkd.NanoApi.Tests;

/// <summary>
/// The firmware projects pin exactly the package versions of the firmware/package pairing
/// (firmware/pairing/nanoframework-pairing.tsv), the pairing is consistent (each package declares the native version
/// the image carries), and the one real assembly available here, mscorlib 1.17.11, carries the checksum the image
/// expects.
/// </summary>
public partial class FirmwarePairingTests
{
    public static TheoryData<string> PackagesConfigs() => new(FirmwareProjects.All.Select(p => p.PackagesConfig));

    [Theory]
    [MemberData(nameof(PackagesConfigs))]
    public void Packages_Config_Pins_The_Paired_Versions(string packagesConfig)
    {
        var drift = RepositoryFiles.Packages(packagesConfig)
            .Select(p => (p.Key, p.Value, Paired: FirmwarePairing.Find(p.Key)?.Version))
            .Where(p => p.Paired != p.Value)
            .Select(p => p.Key + " " + p.Value + " (pairing: " + (p.Paired ?? "not in the table") + ")")
            .ToList();

        Assert.True(drift.Count == 0, packagesConfig + " drifts from " + FirmwarePairing.RelativePath + ":\n" + string.Join("\n", drift));
    }

    [Fact]
    public void Every_Paired_Package_Declares_The_Native_Version_The_Image_Carries()
    {
        var mismatched = FirmwarePairing.Packages
            .Where(p => p.FirmwareNative != "-" && p.PackageNative != p.FirmwareNative)
            .Select(p => p.Package + " " + p.Version + " declares " + p.PackageNative + ", the image carries " + p.FirmwareNative)
            .ToList();

        Assert.NotEmpty(FirmwarePairing.Packages);
        Assert.True(mismatched.Count == 0, "The CLR would refuse these assemblies:\n" + string.Join("\n", mismatched));
    }

    [Fact]
    public void Real_Mscorlib_Carries_The_Native_Checksum_The_Image_Expects()
    {
        var paired = FirmwarePairing.Find("nanoFramework.CoreLibrary")!;

        var header = RealAssemblies.ReadPeHeader(RealAssemblies.MscorlibPePath);

        Assert.StartsWith("NFMRK", header.Marker, StringComparison.Ordinal);
        Assert.Equal(paired.FirmwareChecksum, "0x" + header.NativeMethodsChecksum.ToString("X8", CultureInfo.InvariantCulture));
        Assert.Equal(new Version(paired.Version + ".0"), header.Version);
    }

    [Fact]
    public void Real_Mscorlib_Declares_The_Paired_Native_Version()
    {
        var paired = FirmwarePairing.Find("nanoFramework.CoreLibrary")!;

        Assert.Equal(paired.PackageNative, RealAssemblies.ReadNativeVersion(RealAssemblies.MscorlibPath));
    }

    [Fact]
    public void Every_Listing_Describes_Its_Pinned_Version_Or_The_Pairing_Says_How_It_Differs()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "nanoframework-api");
        var undocumented = new List<string>();
        foreach (var paired in FirmwarePairing.Packages)
        {
            var listingPath = Path.Combine(folder, paired.Package + ".txt");
            Assert.True(File.Exists(listingPath), "No API listing for " + paired.Package);
            var tag = File.ReadLines(listingPath).TakeWhile(l => l.StartsWith('#')).Select(l => ReleaseTag().Match(l)).First(m => m.Success).Groups[1].Value;
            if (tag != paired.Version && !paired.Listing.Contains("v" + tag, StringComparison.Ordinal) && !paired.Listing.Contains("restricted", StringComparison.Ordinal))
            {
                undocumented.Add(paired.Package + ": pinned " + paired.Version + ", listing read at v" + tag);
            }
        }

        Assert.True(undocumented.Count == 0, "Listings of another version, without a note in the pairing's listing column:\n" + string.Join("\n", undocumented));
    }

    [GeneratedRegex(@"newest release tag reachable: v([0-9.]+)")]
    private static partial Regex ReleaseTag();
}
