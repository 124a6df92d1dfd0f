using System;

namespace GatewayQkd.BoardTwin.StandIns.FileSystem;

/// <summary>
/// Maps the board's paths (<c>I:\qkd\sc-gateway</c>) into <see cref="TwinBoard.DriveFolder"/>. The ESP32 target has
/// one internal drive, I:\ (nf-interpreter targets/ESP32/ESP32/target_FileSystem.cpp); any other drive is refused
/// as the board would find no such volume.
/// </summary>
internal static class LittleFsDrive
{
    /// <summary>The drive prefix of the internal LittleFS volume.</summary>
    public const string Prefix = "I:\\";

    /// <summary>Suffix of the private copy a stream writes until it is closed (never listed).</summary>
    public const string UncommittedSuffix = ".uncommitted";

    public static string ToHost(string boardPath)
    {
        if (boardPath is null || !boardPath.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new System.IO.IOException("LittleFS stand-in: '" + boardPath + "' is not on the internal drive I:\\.");
        }

        var parts = boardPath.Substring(Prefix.Length).Split('\\', StringSplitOptions.RemoveEmptyEntries);
        return System.IO.Path.Combine([TwinBoard.DriveFolder, .. parts]);
    }
}
