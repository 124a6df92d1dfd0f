namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Every nanoFramework project of the repository: its .nfproj, folder and packages.config, and whether it compiles
/// against the core library (the applications and the on-device tests do; the core is the library).
/// </summary>
internal static class FirmwareProjects
{
    /// <summary>The portable core.</summary>
    public static readonly FirmwareProject Core = new("firmware/Core", "firmware/Core/GatewayQkd.Core.nfproj", UsesCore: false);

    /// <summary>The gateway application.</summary>
    public static readonly FirmwareProject Device = new("firmware/Device", "firmware/Device/GatewayQkd.Device.nfproj", UsesCore: true);

    /// <summary>The gateway's on-device tests.</summary>
    public static readonly FirmwareProject DeviceTests = new("tests/GatewayQkd.Device.Tests", "tests/GatewayQkd.Device.Tests/GatewayQkd.Device.Tests.nfproj", UsesCore: true);

    /// <summary>Gets all of them.</summary>
    public static IReadOnlyList<FirmwareProject> All { get; } = [Core, Device, DeviceTests];
}

/// <summary>One nanoFramework project.</summary>
internal sealed record FirmwareProject(string Folder, string Project, bool UsesCore)
{
    /// <summary>Gets the project's packages.config, repository-relative.</summary>
    public string PackagesConfig => Folder + "/packages.config";

    /// <summary>Gets the project's name (the .nfproj file name without extension).</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Project);
}
