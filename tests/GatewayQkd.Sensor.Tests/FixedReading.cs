using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Sensor.Tests
{
    /// <summary>Gives the same reading every time (a copy), so a test can compare what the central server opens.</summary>
    internal sealed class FixedReading : ISensorReadings
    {
        private readonly byte[] _reading;

        /// <summary>Creates the source of <paramref name="reading"/>.</summary>
        public FixedReading(byte[] reading)
        {
            _reading = reading;
        }

        /// <inheritdoc />
        public byte[] Read(KeyRange key)
        {
            return (byte[])_reading.Clone();
        }
    }
}
