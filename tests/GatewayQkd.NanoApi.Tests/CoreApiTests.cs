using GatewayQkd.NanoApi.Tests.Checker;

namespace GatewayQkd.NanoApi.Tests;

/// <summary>The portable core (firmware/Core) stays inside the nanoFramework API its .nfproj references.</summary>
public class CoreApiTests
{
    private const string CoreFolder = "firmware/Core";
    private const string CorePackages = "firmware/Core/packages.config";

    [Fact]
    public void Core_Sources_Use_Only_Listed_NanoFramework_Api()
    {
        var sources = RepositoryFiles.Read(RepositoryFiles.SourcesUnder(CoreFolder), CorePackages);
        Assert.NotEmpty(sources);

        var violations = NanoApiChecker.Check(sources, alsoBuiltForDotnet: true);

        Assert.True(violations.Count == 0, "nanoFramework API violations in firmware/Core:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void NfprojListsEveryCoreSource()
    {
        var onDisk = RepositoryFiles.SourcesUnder(CoreFolder);
        var listed = RepositoryFiles.CompileItems(CoreFolder + "/GatewayQkd.Core.nfproj");

        var missing = onDisk.Except(listed).ToList();
        var stale = listed.Except(onDisk).ToList();

        Assert.True(
            missing.Count == 0 && stale.Count == 0,
            "GatewayQkd.Core.nfproj is out of step with firmware/Core.\nNot listed: " + string.Join(", ", missing) +
            "\nListed but missing: " + string.Join(", ", stale));
    }
}
