namespace GatewayQkd.Core.Ports
{
    /// <summary>What the gateway shows on its status LED.</summary>
    public enum IndicatorState
    {
        /// <summary>Starting up and recovering the key pool from storage.</summary>
        Booting = 0,

        /// <summary>Waiting for Wi-Fi or the MQTT broker.</summary>
        Connecting = 1,

        /// <summary>Connected and serving key requests.</summary>
        Ready = 2,

        /// <summary>Serving, but the pool is below its low threshold and a supplement was requested.</summary>
        PoolLow = 3,

        /// <summary>No key material left for at least one peer.</summary>
        PoolEmpty = 4,

        /// <summary>The pool was erased by the zeroize button or command.</summary>
        Zeroized = 5,

        /// <summary>A fault that needs attention (storage or configuration).</summary>
        Error = 6,
    }
}
