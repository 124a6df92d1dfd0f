namespace GatewayQkd.BoardTwin.StandIns.FileSystem;

/// <summary>System.IO.File of nanoFramework.System.IO.FileSystem, the members the device uses, on the twin's drive.</summary>
internal static class LittleFsFile
{
    public static bool Exists(string path) => System.IO.File.Exists(LittleFsDrive.ToHost(path));

    public static byte[] ReadAllBytes(string path) => System.IO.File.ReadAllBytes(LittleFsDrive.ToHost(path));

    public static void Delete(string path) => System.IO.File.Delete(LittleFsDrive.ToHost(path));
}
