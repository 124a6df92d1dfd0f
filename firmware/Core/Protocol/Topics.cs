namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The MQTT topic scheme, the one place topics are built and parsed (docs/protocol.md s3). Ids are decimal.
    /// Requests and responses carry the sensor id in the topic so a broker ACL can pin each sensor to its own
    /// topics (Mosquitto "pattern write qkd/gn/+/req/%u"); the frame's authenticated sender must match it.
    /// </summary>
    public static class Topics
    {
        /// <summary>Prefix of every gateway topic.</summary>
        public const string GatewayPrefix = "qkd/gn/";

        /// <summary>Prefix of telemetry topics.</summary>
        public const string TelemetryPrefix = "qkd/cs/telemetry/";

        /// <summary>The filter qkd/cs/telemetry/# the central server subscribes to for every sensor's telemetry.</summary>
        public const string TelemetryFilter = TelemetryPrefix + "#";

        private const string AnyGateway = "+";
        private const string AckSuffix = "/ack";
        private const string SupplementSuffix = "/supplement";
        private const string ResyncSuffix = "/resync";
        private const string StatusSuffix = "/status";

        /// <summary>Returns qkd/gn/{gw}/blocks.</summary>
        public static string Blocks(ushort gatewayId)
        {
            return Gateway(gatewayId) + "/blocks";
        }

        /// <summary>Returns qkd/gn/{gw}/ack.</summary>
        public static string Ack(ushort gatewayId)
        {
            return Gateway(gatewayId) + AckSuffix;
        }

        /// <summary>Returns qkd/gn/{gw}/req/{sensor}.</summary>
        public static string Request(ushort gatewayId, ushort sensorId)
        {
            return Gateway(gatewayId) + "/req/" + sensorId.ToString();
        }

        /// <summary>Returns qkd/gn/{gw}/req/+, the filter a gateway subscribes to for all its sensors' requests.</summary>
        public static string RequestFilter(ushort gatewayId)
        {
            return Gateway(gatewayId) + "/req/+";
        }

        /// <summary>Returns qkd/gn/{gw}/resp/{sensor}.</summary>
        public static string Response(ushort gatewayId, ushort sensorId)
        {
            return Gateway(gatewayId) + "/resp/" + sensorId.ToString();
        }

        /// <summary>Returns qkd/gn/{gw}/supplement.</summary>
        public static string Supplement(ushort gatewayId)
        {
            return Gateway(gatewayId) + SupplementSuffix;
        }

        /// <summary>Returns qkd/gn/{gw}/resync.</summary>
        public static string Resync(ushort gatewayId)
        {
            return Gateway(gatewayId) + ResyncSuffix;
        }

        /// <summary>Returns qkd/gn/{gw}/status.</summary>
        public static string Status(ushort gatewayId)
        {
            return Gateway(gatewayId) + StatusSuffix;
        }

        /// <summary>
        /// Returns the filters the authority subscribes to: qkd/gn/+/ack, qkd/gn/+/supplement, qkd/gn/+/status and
        /// qkd/gn/+/resync, every gateway's upstream topics.
        /// </summary>
        public static string[] AuthorityFilters()
        {
            string any = GatewayPrefix + AnyGateway;
            return new string[] { any + AckSuffix, any + SupplementSuffix, any + StatusSuffix, any + ResyncSuffix };
        }

        /// <summary>Returns qkd/cs/telemetry/{gw}/{sensor}.</summary>
        public static string Telemetry(ushort gatewayId, ushort sensorId)
        {
            return TelemetryPrefix + gatewayId.ToString() + "/" + sensorId.ToString();
        }

        /// <summary>Parses a topic of this scheme; returns null when it is not one (wrong shape, bad or non-canonical id).</summary>
        public static TopicAddress Parse(string topic)
        {
            if (topic == null)
            {
                return null;
            }

            string[] parts = topic.Split(new char[] { '/' });
            ushort gateway;
            ushort sensor;
            if (parts.Length >= 4 && parts[0] == "qkd" && parts[1] == "gn" && TryId(parts[2], out gateway))
            {
                if (parts.Length == 4)
                {
                    TopicKind kind = parts[3] == "blocks" ? TopicKind.Blocks
                        : parts[3] == "ack" ? TopicKind.Ack
                        : parts[3] == "supplement" ? TopicKind.Supplement
                        : parts[3] == "status" ? TopicKind.Status
                        : parts[3] == "resync" ? TopicKind.Resync
                        : TopicKind.Unknown;
                    return kind == TopicKind.Unknown ? null : new TopicAddress(kind, gateway, 0);
                }

                if (parts.Length == 5 && (parts[3] == "req" || parts[3] == "resp") && TryId(parts[4], out sensor))
                {
                    return new TopicAddress(parts[3] == "req" ? TopicKind.Request : TopicKind.Response, gateway, sensor);
                }

                return null;
            }

            if (parts.Length == 5 && parts[0] == "qkd" && parts[1] == "cs" && parts[2] == "telemetry"
                && TryId(parts[3], out gateway) && TryId(parts[4], out sensor))
            {
                return new TopicAddress(TopicKind.Telemetry, gateway, sensor);
            }

            return null;
        }

        private static string Gateway(ushort gatewayId)
        {
            return GatewayPrefix + gatewayId.ToString();
        }

        // Canonical decimal only (no sign, no leading zero, no spaces), so each id has exactly one topic.
        private static bool TryId(string text, out ushort id)
        {
            id = 0;
            if (text == null || text.Length == 0 || text.Length > 5 || (text.Length > 1 && text[0] == '0'))
            {
                return false;
            }

            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 65535)
            {
                return false;
            }

            id = (ushort)value;
            return true;
        }
    }
}
