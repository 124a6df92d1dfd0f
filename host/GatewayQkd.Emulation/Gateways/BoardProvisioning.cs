using System.Text.Json.Nodes;
using GatewayQkd.Core.Board;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// Writes a board's provisioning folder: the settings file (<see cref="BoardSettingsFile"/>) and the nanoff file
/// deployment manifest that copies it to I:\gatewayqkd.conf (`nanoff deploy file filedeployment.json serialport
/// PORT`; manifest format: nanoframework/nanoFirmwareFlasher README, "deploy - File deployment"). Each file is written
/// to a temporary name and then moved into place, so a failed write leaves no half file.
/// </summary>
public static class BoardProvisioning
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "filedeployment.json";

    /// <summary>Writes both files into <paramref name="folder"/> (created if needed) and returns their full paths.</summary>
    public static (string SettingsFile, string Manifest) Write(BoardSettings settings, string folder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var text = BoardSettingsFile.Format(settings);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var settingsPath = Path.Combine(full, BoardSettingsFile.FileName);
        var manifestPath = Path.Combine(full, ManifestFileName);
        var manifest = new JsonObject
        {
            ["Files"] = new JsonArray(new JsonObject
            {
                ["DestinationFilePath"] = DeviceSettings.DefaultPath,
                ["SourceFilePath"] = settingsPath,
            }),
        };
        Replace(settingsPath, text);
        Replace(manifestPath, manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        return (settingsPath, manifestPath);
    }

    private static void Replace(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
