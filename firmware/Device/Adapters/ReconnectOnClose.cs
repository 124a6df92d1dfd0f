using System.Threading;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// Reconnects an M2Mqtt client on a thread of its own when its connection closes, one reconnect at a time: the
    /// ConnectionClosed handler returns at once (a reconnect blocks for seconds, with back-off), and a second close
    /// while a reconnect runs is ignored, because that reconnect covers it. Shared by the gateway's and the sensor's
    /// MQTT buses (the sensor project links this file).
    /// </summary>
    internal sealed class ReconnectOnClose
    {
        private readonly object _gate = new object();
        private readonly ThreadStart _connect;
        private readonly ILog _log;
        private bool _running;

        /// <summary>Creates the helper; <paramref name="connect"/> retries until connected (or gives up) and returns.</summary>
        public ReconnectOnClose(ThreadStart connect, ILog log)
        {
            if (connect == null)
            {
                throw new System.ArgumentNullException("connect");
            }

            if (log == null)
            {
                throw new System.ArgumentNullException("log");
            }

            _connect = connect;
            _log = log;
        }

        /// <summary>Logs <paramref name="warning"/> and starts the reconnect thread, unless a reconnect is already running.</summary>
        public void Start(string warning)
        {
            lock (_gate)
            {
                if (_running)
                {
                    return;
                }

                _running = true;
            }

            _log.Write(LogLevel.Warning, warning);
            new Thread(Run).Start();
        }

        private void Run()
        {
            try
            {
                _connect();
            }
            finally
            {
                lock (_gate)
                {
                    _running = false;
                }
            }
        }
    }
}
