namespace System.Device.Wifi
{
    /// <summary>WifiReconnectionKind of nanoFramework.System.Device.Wifi.</summary>
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    using System;
    using System.Device.Wifi;
    using System.Threading;

    /// <summary>NetworkHelperStatus of nanoFramework.System.Device.Wifi (the values the twin reports).</summary>
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        ExceptionOccurred,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        Error,
    }

    /// <summary>
    /// WifiNetworkHelper: joins the network the board is in range of. As the real helper, ConnectDhcp never throws; it
    /// returns false and leaves the reason in Status and HelperException (System.Device.Wifi
    /// NetworkHelper/WifiNetworkHelper.cs). On the PC the network is the host's, so a join succeeds at once unless
    /// <see cref="GatewayQkd.BoardTwin.TwinBoard.WifiInRange"/> is false; then the attempt fails after at most 1 s
    /// (the board would wait for the token, 60 s).
    /// </summary>
    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get; private set; }

        public static Exception HelperException { get; private set; }

        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default)
        {
            _ = (password, reconnectionKind, requiresDateTime, wifiAdapterId);
            if (GatewayQkd.BoardTwin.TwinBoard.WifiInRange)
            {
                Status = NetworkHelperStatus.NetworkIsReady;
                HelperException = null;
                return true;
            }

            token.WaitHandle.WaitOne(1000);
            Status = NetworkHelperStatus.TokenExpiredWaitingIPAddress;
            HelperException = new TimeoutException("No network named '" + ssid + "' in range.");
            return false;
        }
    }
}
