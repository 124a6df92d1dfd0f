namespace GatewayQkd.Device.Board
{
    /// <summary>
    /// Every GPIO the firmware uses, in one place (wiring: hardware/README.md "Wiring"). Chosen to be free on both supported
    /// modules: not a flash pin (6-11), not a PSRAM pin of the WROVER (16, 17), not input-only (34-39).
    /// </summary>
    internal static class BoardPins
    {
        /// <summary>Status LED (gateway state): GPIO 2, the on-board LED of many ESP32 DevKit boards; 330 ohm to ground.</summary>
        public const int StatusLed = 2;

        /// <summary>Pool-level LED: GPIO 4, 330 ohm to ground.</summary>
        public const int PoolLed = 4;

        /// <summary>Zeroize push button: GPIO 27 to ground, internal pull-up (pressed reads Low).</summary>
        public const int ZeroizeButton = 27;
    }
}
