using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// Random bytes from the ESP32's hardware generator: nanoFramework's System.Random ignores its seed and draws every
    /// byte from esp_random() (nanoframework/nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp lines 11-14 and
    /// 27-35). Espressif documents esp_random() as true random only while Wi-Fi or Bluetooth runs; the gateway draws
    /// wrap salts while it serves over Wi-Fi, and a salt only has to differ from earlier ones (docs/crypto.md s2.2).
    /// </summary>
    internal sealed class HardwareRandom : IRandomSource
    {
        private readonly System.Random _random = new System.Random();

        /// <inheritdoc />
        public void NextBytes(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new System.ArgumentNullException("buffer");
            }

            _random.NextBytes(buffer);
        }
    }
}
