using System.Text;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Sensor.Adapters
{
    /// <summary>
    /// The sensor board's readings: a plain ESP32 board without an attached sensor reports what it can measure of
    /// itself, numbered: <c>n=&lt;reading&gt;;up=&lt;s since boot&gt;;heap=&lt;free managed bytes&gt;</c> (at most 41
    /// bytes, within SensorSettings.MaxReadingBytes; the sensor id is in the telemetry header). Replace Read with a
    /// real measurement.
    /// </summary>
    internal sealed class BoardReadings : ISensorReadings
    {
        private readonly IClock _clock;
        private uint _count;

        /// <summary>Creates the readings, timed by <paramref name="clock"/>.</summary>
        public BoardReadings(IClock clock)
        {
            _clock = clock;
        }

        /// <inheritdoc />
        public byte[] Read(KeyRange key)
        {
            _count++;
            string text = "n=" + _count.ToString() + ";up=" + (_clock.NowMilliseconds / 1000).ToString() +
                          ";heap=" + nanoFramework.Runtime.Native.GC.Run(false).ToString();
            return Encoding.UTF8.GetBytes(text);
        }
    }
}
