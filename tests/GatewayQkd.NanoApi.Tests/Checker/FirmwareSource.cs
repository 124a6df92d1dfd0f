namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// A firmware source file to check: its path as reported (repository-relative), its text, and the nanoFramework
/// packages its project references (from the project's packages.config), which bound the APIs it may use.
/// </summary>
internal sealed record FirmwareSource(string Path, string Text, IReadOnlyCollection<string> Packages);
