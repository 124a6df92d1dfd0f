using System;
using System.Linq;

namespace GatewayQkd.BoardTwin.StandIns.FileSystem;

/// <summary>System.IO.Directory of nanoFramework.System.IO.FileSystem on the twin's drive; GetFiles gives board paths.</summary>
internal static class LittleFsDirectory
{
    public static bool Exists(string path) => System.IO.Directory.Exists(LittleFsDrive.ToHost(path));

    public static void CreateDirectory(string path) => System.IO.Directory.CreateDirectory(LittleFsDrive.ToHost(path));

    /// <summary>Returns the committed files of a directory as full board paths (<c>I:\qkd\name</c>), as nanoFramework does.</summary>
    public static string[] GetFiles(string path)
    {
        var prefix = path.EndsWith('\\') ? path : path + "\\";
        return [.. System.IO.Directory.GetFiles(LittleFsDrive.ToHost(path))
            .Where(f => !f.EndsWith(LittleFsDrive.UncommittedSuffix, StringComparison.Ordinal))
            .Select(f => prefix + System.IO.Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];
    }
}
