using System.Device.Gpio;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Ports;
using GatewayQkd.Device.Adapters;
using GatewayQkd.Device.Runtime;

namespace GatewayQkd.Device
{
    /// <summary>The gateway firmware: wires the board's adapters to the portable gateway core (hardware/README.md).</summary>
    public static class Program
    {
        /// <summary>Directory of the key pool, replay marks and send counter on the internal LittleFS drive.</summary>
        private const string KeyStoreDirectory = "I:\\qkd";

        /// <summary>Starts the gateway; never returns.</summary>
        public static void Main()
        {
            // 1. Log, clock and LEDs first, so every later step can report.
            ILog log = new ConsoleLog(LogLevel.Info);
            IClock clock = new TickClock();
            GpioController gpio = new GpioController();
            GpioIndicator indicator = new GpioIndicator(gpio, clock);
            indicator.Show(IndicatorState.Booting);

            // 2. Settings from I:\gatewayqkd.conf (deployed with nanoff --filedeployment); a bad file stops here.
            DeviceSettings settings = SettingsLoader.Load(DeviceSettings.DefaultPath, log);
            if (settings == null)
            {
                Halt(indicator);
            }

            // 3. Wi-Fi, retried with backoff.
            indicator.Show(IndicatorState.Connecting);
            WifiConnection.ConnectWithRetry(settings.WifiSsid, settings.WifiPassword, log);

            // 4. MQTT broker (persistent session, last will), retried with backoff.
            GatewayRunner runner = new GatewayRunner(clock, log);
            MqttMessageBus bus = new MqttMessageBus(settings, log, runner.HandleMessage);
            bus.Connect();

            // 5. The gateway service: recovers the key pool and the replay state from I:\qkd.
            GatewayService service = null;
            try
            {
                service = new GatewayService(settings.Gateway, new LittleFsKeyStorage(KeyStoreDirectory), new NativeCrypto(), new HardwareRandom(), clock, bus, indicator, log);
            }
            catch (System.Exception e)
            {
                log.Write(LogLevel.Error, "Gateway: cannot start: " + e.Message);
                Halt(indicator);
            }

            // 6. Subscribe, publish the first status, serve slot by slot.
            runner.Start(service);

            // 7. The zeroize button: held 5 s, it erases the pool.
            ZeroizeButton button = new ZeroizeButton(gpio, clock, runner.Zeroize);
            log.Write(LogLevel.Info, "Gateway " + settings.Gateway.GatewayId.ToString() + " running; zeroize button on GPIO " + button.Pin.ToString() + ".");

            // 8. Report the free managed heap (hardware/memory-budget.md), then let M2Mqtt's and the timers' threads work.
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
