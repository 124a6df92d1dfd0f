namespace GatewayQkd.BoardTwin.StandIns.FileSystem;

/// <summary>System.IO.Path of nanoFramework: '\' separates board paths on every host OS.</summary>
internal static class LittleFsPath
{
    public static string GetFileName(string path)
    {
        var cut = path.LastIndexOfAny(['\\', '/', ':']);
        return cut < 0 ? path : path.Substring(cut + 1);
    }
}
