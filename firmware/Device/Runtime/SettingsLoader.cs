using System.IO;
using System.Text;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Runtime
{
    /// <summary>
    /// Reads a board's settings file from I:\ and parses it; any problem is logged with its cause and gives null.
    /// Shared by the gateway (firmware/Device) and the sensor board (firmware/Sensor links this file).
    /// </summary>
    internal static class SettingsLoader
    {
        /// <summary>Returns the gateway's parsed settings, or null after logging why the file is missing, too large or bad.</summary>
        public static DeviceSettings Load(string path, ILog log)
        {
            return (DeviceSettings)Load(path, log, ParseDevice);
        }

        /// <summary>Returns the settings <paramref name="parse"/> makes of the file, or null after logging why the file is missing, too large or bad.</summary>
        public static object Load(string path, ILog log, SettingsParser parse)
        {
            if (!File.Exists(path))
            {
                log.Write(LogLevel.Error, "Settings: " + path + " not found; deploy it with nanoff --filedeployment (hardware/bench-guide.md).");
                return null;
            }

            byte[] bytes;
            using (FileStream stream = new FileStream(path, FileMode.Open))
            {
                if (stream.Length > SettingsFile.MaxLength)
                {
                    log.Write(LogLevel.Error, "Settings: " + path + " has " + stream.Length.ToString() + " bytes, more than the " + SettingsFile.MaxLength.ToString() + " accepted.");
                    return null;
                }

                bytes = new byte[(int)stream.Length];
                int read = 0;
                while (read < bytes.Length)
                {
                    int n = stream.Read(bytes, read, bytes.Length - read);
                    if (n <= 0)
                    {
                        log.Write(LogLevel.Error, "Settings: " + path + " ended after " + read.ToString() + " bytes.");
                        return null;
                    }

                    read += n;
                }
            }

            try
            {
                return parse(Encoding.UTF8.GetString(bytes, 0, bytes.Length));
            }
            catch (System.FormatException e)
            {
                log.Write(LogLevel.Error, e.Message + " (" + path + ")");
                return null;
            }
        }

        private static object ParseDevice(string text)
        {
            return DeviceSettings.Parse(text);
        }
    }
}
