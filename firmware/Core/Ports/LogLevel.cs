namespace GatewayQkd.Core.Ports
{
    /// <summary>Severity of a log line.</summary>
    public enum LogLevel
    {
        /// <summary>Detail for developers.</summary>
        Debug = 0,

        /// <summary>Normal operation.</summary>
        Info = 1,

        /// <summary>Something was rejected or degraded, operation continues.</summary>
        Warning = 2,

        /// <summary>An operation failed.</summary>
        Error = 3,
    }
}
