namespace GatewayQkd.Device.Runtime
{
    /// <summary>Parses a board's settings text (DeviceSettings.Parse, SensorSettings.Parse); throws FormatException on a bad file.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The parsed settings object.</returns>
    internal delegate object SettingsParser(string text);
}
