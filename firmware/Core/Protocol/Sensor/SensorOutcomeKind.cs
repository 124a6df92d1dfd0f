namespace GatewayQkd.Core.Protocol
{
    /// <summary>What <see cref="SensorClient.HandleMessage"/> did with one inbound message.</summary>
    public enum SensorOutcomeKind
    {
        /// <summary>The topic is not this sensor's response topic: ignored.</summary>
        NotForThisSensor = 0,

        /// <summary>The frame was refused (forged, replayed, malformed): ignored, nothing changed.</summary>
        Rejected = 1,

        /// <summary>An authentic answer to a request this sensor has no record of (answered before, or evicted): ignored.</summary>
        Unexpected = 2,

        /// <summary>The gateway queued the request (no key yet); it answers again when it serves it.</summary>
        Waiting = 3,

        /// <summary>A key arrived; one reading was sealed under it and published on the telemetry topic.</summary>
        Served = 4,

        /// <summary>The gateway refused the request (or answered without a key): the request is closed.</summary>
        Refused = 5,

        /// <summary>A shared key the sensor fetched arrived (<see cref="SensorClient.FetchSharedKey"/>); nothing was published.</summary>
        Fetched = 6,
    }
}
