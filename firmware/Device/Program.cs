using System.Device.Gpio;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using GatewayQkd.Device.Adapters;
using GatewayQkd.Device.Runtime;

namespace GatewayQkd.Device
{
    /// <summary>
    /// The gateway firmware: wires the board's adapters to the portable gateway core (hardware/README.md). The order
    /// matters: the zeroize button works from power-on, and the gateway service is running on its recovered key pool
    /// before the broker connection opens, because M2Mqtt acknowledges each QoS 1 message before handing it over
    /// (nanoFramework.M2Mqtt MqttClient.cs:1842-1853) and a persistent session delivers the blocks queued meanwhile
    /// right after CONNACK: a message nobody takes then is lost for good.
    /// </summary>
    public static class Program
    {
        /// <summary>Directory of the key pool, replay marks and send counter on the internal LittleFS drive.</summary>
        private const string KeyStoreDirectory = "I:\\qkd";

        /// <summary>Starts the gateway; never returns.</summary>
        public static void Main()
        {
            // 1. Log, clock, LEDs and the zeroize button first: every later step can report, and a 5 s hold erases
            //    the pool from the first second, whether or not the settings, the network or the broker are there.
            ILog log = new ConsoleLog(LogLevel.Info);
            IClock clock = new TickClock();
            GpioController gpio = new GpioController();
            GpioIndicator indicator = new GpioIndicator(gpio, clock);
            indicator.Show(IndicatorState.Booting);
            GatewayRunner runner = new GatewayRunner(new LittleFsKeyStorage(KeyStoreDirectory), clock, log);
            ZeroizeButton button = new ZeroizeButton(gpio, clock, runner.Zeroize);
            log.Write(LogLevel.Info, "Zeroize button on GPIO " + button.Pin.ToString() + " (hold 5 s).");

            // 2. Settings from I:\gatewayqkd.conf (deployed with nanoff --filedeployment); a bad file stops here.
            DeviceSettings settings = SettingsLoader.Load(DeviceSettings.DefaultPath, log);
            if (settings == null)
            {
                Halt(indicator);
            }

            // 3. The gateway service: recovers the key pool and the replay state from I:\qkd; its subscriptions and first
            //    status wait in the bus, which has not touched the network yet.
            MqttMessageBus bus = new MqttMessageBus(settings, MqttMessageBus.OutboxCapacityFor(settings.Gateway), log, runner.HandleMessage);
            if (!runner.Start(settings.Gateway, new NativeCrypto(), new HardwareRandom(), bus, bus, indicator))
            {
                Halt(indicator);
            }

            // 4. Wi-Fi, retried with backoff.
            indicator.Show(IndicatorState.Connecting);
            WifiConnection.ConnectWithRetry(settings.WifiSsid, settings.WifiPassword, log);

            // 5. MQTT broker (name lookup, persistent session, last will), retried with backoff; then serve slot by slot.
            bus.Connect();
            log.Write(LogLevel.Info, "Gateway " + settings.Gateway.GatewayId.ToString() + " running.");

            // 6. Report the free managed heap (hardware/memory-budget.md), then let M2Mqtt's and the timers' threads work.
            log.Write(LogLevel.Info, "Free managed heap after start: " + nanoFramework.Runtime.Native.GC.Run(true).ToString() + " bytes.");
            Thread.Sleep(Timeout.Infinite);
        }

        private static void Halt(GpioIndicator indicator)
        {
            indicator.Show(IndicatorState.Error);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
