namespace GatewayQkd.Cli.Tests.Guide;

/// <summary>
/// The nanoff the bench guide pins, and its verbs with their keywords (true = takes a value), as its README documents
/// them: nanoframework/nanoFirmwareFlasher README.md at tag v3.0.0-preview.1 (06913d2, 2026-08-06), sections
/// "flash" (common keywords, ESP32 examples), "deploy" (ESP32, file deployment), "list", "details" and "Common keywords".
/// </summary>
internal static class PinnedNanoff
{
    public const string Version = "3.0.0-preview.1";

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> Keywords { get; } = new Dictionary<string, IReadOnlyDictionary<string, bool>>
    {
        ["flash"] = new Dictionary<string, bool>
        {
            ["target"] = true, ["platform"] = true, ["fwversion"] = true, ["preview"] = false, ["masserase"] = false, ["verify"] = false,
            ["reset"] = false, ["nofitcheck"] = false, ["serialport"] = true, ["image"] = true, ["address"] = true, ["backup"] = true,
            ["restore"] = true, ["fromarchive"] = false, ["archivepath"] = true, ["verbosity"] = true,
        },
        ["deploy"] = new Dictionary<string, bool>
        {
            ["target"] = true, ["platform"] = true, ["serialport"] = true, ["image"] = true, ["address"] = true, ["file"] = true,
            ["network"] = true, ["reset"] = false, ["verbosity"] = true,
        },
        ["list"] = new Dictionary<string, bool>
        {
            ["ports"] = false, ["devices"] = false, ["targets"] = false, ["platform"] = true, ["fromarchive"] = false, ["archivepath"] = true,
            ["verbosity"] = true,
        },
        ["details"] = new Dictionary<string, bool>
        {
            ["platform"] = true, ["target"] = true, ["serialport"] = true, ["checkpsram"] = false, ["verbosity"] = true,
        },
    };
}
