namespace GatewayQkd.Core.Ports
{
    /// <summary>A source of random bytes (device: the ESP32 hardware RNG behind System.Random; host: a CSPRNG or a seeded one in tests).</summary>
    public interface IRandomSource
    {
        /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
        void NextBytes(byte[] buffer);
    }
}
