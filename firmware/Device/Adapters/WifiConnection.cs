using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using nanoFramework.Networking;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// Joins the Wi-Fi network with DHCP through WifiNetworkHelper (package nanoFramework.System.Device.Wifi). The helper
    /// never throws; it reports why it failed in Status and HelperException (nanoframework/System.Device.Wifi,
    /// System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs).
    /// After the first join the ESP32 stack reconnects by itself (WifiReconnectionKind.Automatic, the default).
    /// </summary>
    internal static class WifiConnection
    {
        /// <summary>How long one join attempt may take: 60 s, as in the nanoFramework samples.</summary>
        private const int AttemptMilliseconds = 60000;

        /// <summary>Tries to join until it succeeds, waiting with exponential backoff between attempts.</summary>
        public static void ConnectWithRetry(string ssid, string password, ILog log)
        {
            ReconnectBackoff backoff = new ReconnectBackoff();
            while (!TryConnect(ssid, password, log))
            {
                int delay = backoff.NextDelay();
                log.Write(LogLevel.Warning, "Wi-Fi: attempt " + backoff.Attempts.ToString() + " failed; next in " + delay.ToString() + " ms.");
                Thread.Sleep(delay);
            }
        }

        private static bool TryConnect(string ssid, string password, ILog log)
        {
            CancellationTokenSource timeout = new CancellationTokenSource(AttemptMilliseconds);
            bool joined = WifiNetworkHelper.ConnectDhcp(ssid, password, requiresDateTime: false, token: timeout.Token);
            if (joined)
            {
                log.Write(LogLevel.Info, "Wi-Fi: joined '" + ssid + "'.");
                return true;
            }

            System.Exception reason = WifiNetworkHelper.HelperException;
            log.Write(
                LogLevel.Error,
                "Wi-Fi: could not join '" + ssid + "' (helper status " + ((int)WifiNetworkHelper.Status).ToString() + (reason == null ? ")." : "): " + reason.Message));
            return false;
        }
    }
}
