using System.Xml.Linq;
using GatewayQkd.NanoApi.Tests.Checker;
using Microsoft.CodeAnalysis;

namespace GatewayQkd.NanoApi.Tests;

/// <summary>
/// The device application (firmware/Device) and the on-device tests (tests/GatewayQkd.Device.Tests) use only the
/// nanoFramework API, with exact signatures, of the packages they reference; their projects list every source and
/// pin the versions the listings describe.
/// </summary>
public class DeviceApiTests
{
    private const string DeviceFolder = "firmware/Device";
    private const string DeviceProject = DeviceFolder + "/GatewayQkd.Device.nfproj";
    private const string TestsFolder = "tests/GatewayQkd.Device.Tests";
    private const string TestsProject = TestsFolder + "/GatewayQkd.Device.Tests.nfproj";

    [Fact]
    public void Device_App_Uses_Only_Listed_NanoFramework_Api()
    {
        var violations = CheckWithCore(RepositoryFiles.CompileItems(DeviceProject), DeviceFolder + "/packages.config");

        Assert.True(violations.Count == 0, "nanoFramework API violations in firmware/Device:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Device_Tests_Use_Only_Listed_NanoFramework_Api()
    {
        var violations = CheckWithCore(RepositoryFiles.CompileItems(TestsProject), TestsFolder + "/packages.config");

        Assert.True(violations.Count == 0, "nanoFramework API violations in the on-device tests:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void DeviceNfprojListsEverySource()
    {
        AssertListsEverySource(DeviceFolder, DeviceProject);
    }

    [Fact]
    public void DeviceTestsNfprojListsEverySource()
    {
        AssertListsEverySource(TestsFolder, TestsProject);
    }

    [Theory]
    [InlineData(DeviceProject, DeviceFolder + "/packages.config")]
    [InlineData(TestsProject, TestsFolder + "/packages.config")]
    public void Project_References_Come_From_The_Pinned_Packages(string project, string packagesConfig)
    {
        var pinned = RepositoryFiles.Packages(packagesConfig).Select(p => p.Key + "." + p.Value).ToHashSet(StringComparer.Ordinal);
        var hintPaths = XDocument.Load(Path.Combine(RepositoryFiles.Root, project)).Descendants()
            .Where(e => e.Name.LocalName == "HintPath")
            .Select(e => e.Value.Replace('\\', '/'))
            .ToList();

        var stray = hintPaths.Where(h => !pinned.Contains(h.Split('/')[^3])).ToList();
        var unused = pinned.Where(p => !hintPaths.Any(h => h.Split('/')[^3] == p)).ToList();

        Assert.NotEmpty(hintPaths);
        Assert.True(stray.Count == 0, "References to packages not in packages.config: " + string.Join(", ", stray));
        Assert.True(unused.Count == 0, "Packages without a reference: " + string.Join(", ", unused));
    }

    private static readonly Lazy<MetadataReference> CoreLibrary = new(() => NanoApiChecker.CompileLibrary(
        "GatewayQkd.Core",
        RepositoryFiles.Read(RepositoryFiles.SourcesUnder("firmware/Core"), "firmware/Core/packages.config")));

    private static List<Violation> CheckWithCore(List<string> projectSources, string packagesConfig)
    {
        var project = RepositoryFiles.Read(projectSources, packagesConfig);
        Assert.NotEmpty(project);

        // The core is checked by CoreApiTests; here it is the compiled library the projects reference.
        return NanoApiChecker.Check(project, alsoBuiltForDotnet: false, [CoreLibrary.Value]);
    }

    private static void AssertListsEverySource(string folder, string project)
    {
        var listed = RepositoryFiles.CompileItems(project);
        var onDisk = RepositoryFiles.SourcesUnder(folder);

        var missing = onDisk.Except(listed).ToList();
        var absent = listed.Where(p => !File.Exists(Path.Combine(RepositoryFiles.Root, p))).ToList();

        Assert.True(
            missing.Count == 0 && absent.Count == 0,
            project + " is out of step with its folder.\nNot listed: " + string.Join(", ", missing) + "\nListed but missing: " + string.Join(", ", absent));
    }
}
