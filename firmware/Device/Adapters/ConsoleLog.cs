using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// Log lines on the serial console (Console.WriteLine always prints; Debug.WriteLine is compiled out of release
    /// builds), prefixed with the level's letter because enum ToString gives numbers on nanoFramework.
    /// </summary>
    internal sealed class ConsoleLog : ILog
    {
        private readonly LogLevel _minimum;

        /// <summary>Creates a log that prints lines of <paramref name="minimum"/> and above.</summary>
        public ConsoleLog(LogLevel minimum)
        {
            _minimum = minimum;
        }

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            if (level >= _minimum)
            {
                System.Console.WriteLine(Letter(level) + " " + message);
            }
        }

        private static string Letter(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug:
                    return "D";
                case LogLevel.Info:
                    return "I";
                case LogLevel.Warning:
                    return "W";
                default:
                    return "E";
            }
        }
    }
}
