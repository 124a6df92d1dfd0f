// The nanoFramework types the device code names that .NET also has under the same name, bound to the twin's
// stand-ins: an alias wins over a type a `using System.IO;` imports (C# spec, namespace and type names), so the device
// sources compile unchanged and call the board-like behaviour, not the PC's. Types only nanoFramework has
// (nanoFramework.M2Mqtt, System.Device.Gpio, nanoFramework.Networking, nanoFramework.Runtime.Native) are declared
// in their own namespaces under Stand-ins/.
global using Aes = GatewayQkd.BoardTwin.StandIns.Crypto.NativeAes;
global using CipherMode = GatewayQkd.BoardTwin.StandIns.Crypto.NativeCipherMode;
global using Directory = GatewayQkd.BoardTwin.StandIns.FileSystem.LittleFsDirectory;
global using File = GatewayQkd.BoardTwin.StandIns.FileSystem.LittleFsFile;
global using FileStream = GatewayQkd.BoardTwin.StandIns.FileSystem.LittleFsFileStream;
global using HMACSHA256 = GatewayQkd.BoardTwin.StandIns.Crypto.NativeHmacSha256;
global using Path = GatewayQkd.BoardTwin.StandIns.FileSystem.LittleFsPath;
