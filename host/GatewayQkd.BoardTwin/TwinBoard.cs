using System;

using System.Collections.Concurrent;

namespace GatewayQkd.BoardTwin;

/// <summary>
/// What the physical board is to the stand-ins: the folder that plays the internal LittleFS drive I:\, the levels of
/// the input pins (the zeroize button), whether the Wi-Fi network can be joined, and where pin changes are logged.
/// One board per process (the twin executable); tests that use it run one at a time.
/// </summary>
public static class TwinBoard
{
    private static readonly ConcurrentDictionary<int, bool> InputLow = new();

    /// <summary>Gets or sets the folder that holds the contents of the drive I:\.</summary>
    public static string DriveFolder { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gatewayqkd-twin-drive");

    /// <summary>Gets or sets a value indicating whether the Wi-Fi network is in range (join attempts fail while false).</summary>
    public static bool WifiInRange { get; set; } = true;

    /// <summary>Gets or sets where output pin changes go (the GPIO log); null drops them.</summary>
    public static Action<int, bool> PinWritten { get; set; }

    /// <summary>Holds an input pin Low (a pressed button to ground) or releases it to its pull-up High.</summary>
    public static void SetInputLow(int pin, bool low) => InputLow[pin] = low;

    /// <summary>Returns true while an input pin is held Low.</summary>
    public static bool IsInputLow(int pin) => InputLow.TryGetValue(pin, out var low) && low;

    /// <summary>Puts the board back to power-on defaults (tests): pins released, Wi-Fi in range, no pin log.</summary>
    public static void Reset(string driveFolder)
    {
        DriveFolder = driveFolder;
        InputLow.Clear();
        WifiInRange = true;
        PinWritten = null;
    }
}
