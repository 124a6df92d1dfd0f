using System.Device.Gpio;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Device.Adapters;
using GatewayQkd.Device.Runtime;
using GatewayQkd.Sensor.Adapters;
using GatewayQkd.Sensor.Runtime;

namespace GatewayQkd.Sensor
{
    /// <summary>
    /// The sensor board firmware (a second ESP32): joins Wi-Fi, asks its gateway for quantum keys over MQTT with the
    /// core's <see cref="SensorClient"/>, and sends one reading per key, sealed with the one-time pad + Poly1305 or with
    /// AES as its level calls for (TelemetryModes), at the configured period (hardware/bench-guide.md).
    /// </summary>
    public static class Program
    {
        /// <summary>Directory of the send counter and the gateway's replay mark on the internal LittleFS drive.</summary>
        private const string StateDirectory = "I:\\qkd-sensor";

        /// <summary>Starts the sensor; never returns.</summary>
        public static void Main()
        {
            // 1. Log, clock and LEDs first, so every later step can report.
            ILog log = new ConsoleLog(LogLevel.Info);
            IClock clock = new TickClock();
            GpioIndicator indicator = new GpioIndicator(new GpioController(), clock);
            indicator.Show(IndicatorState.Booting);

            // 2. Settings from I:\sensorqkd.conf (same format as the gateway's); a bad file stops here.
            SensorSettings settings = (SensorSettings)SettingsLoader.Load(SensorSettings.DefaultPath, log, ParseSettings);
            if (settings == null)
            {
                Halt(indicator);
            }

            // 3. Wi-Fi, retried with backoff.
            indicator.Show(IndicatorState.Connecting);
            WifiConnection.ConnectWithRetry(settings.Network.WifiSsid, settings.Network.WifiPassword, log);

            // 4. MQTT broker (clean session), retried with backoff; inbound messages go to the runner.
            SensorRunner runner = new SensorRunner(settings.TelemetryLevels, clock, log, indicator);
            SensorMqttBus bus = new SensorMqttBus(settings.Network, settings.ClientId, log, runner.HandleMessage);
            bus.Connect();

            // 5. The sensor state machine: send counter and replay mark recovered from I:\qkd-sensor.
            SensorClient client = null;
            try
            {
                client = new SensorClient(
                    settings.SensorId, settings.GatewayId, settings.DeviceKey, new NativeCrypto(), new LittleFsKeyStorage(StateDirectory),
                    settings.CounterChunk, bus, new BoardReadings(clock), SensorSettings.MaxReadingBytes, settings.PendingCapacity);
            }
            catch (System.Exception e)
            {
                log.Write(LogLevel.Error, "Sensor: cannot start: " + e.Message);
                Halt(indicator);
            }

            // 6. Subscribe to the responses and ask for the first key now, then one per period.
            runner.Start(client, bus, settings.TelemetryPeriodMilliseconds);
            log.Write(LogLevel.Info, "Sensor " + settings.SensorId.ToString() + " of gateway " + settings.GatewayId.ToString() + " running; one reading every " + settings.TelemetryPeriodMilliseconds.ToString() + " ms.");

            // 7. Report the free managed heap (hardware/memory-budget.md), then let M2Mqtt's and the timers' threads work.
            log.Write(LogLevel.Info, "Free managed heap after start: " + nanoFramework.Runtime.Native.GC.Run(true).ToString() + " bytes.");
            Thread.Sleep(Timeout.Infinite);
        }

        private static object ParseSettings(string text)
        {
            return SensorSettings.Parse(text);
        }

        private static void Halt(GpioIndicator indicator)
        {
            indicator.Show(IndicatorState.Error);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
