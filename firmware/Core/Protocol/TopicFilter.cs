namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// MQTT topic filter matching (MQTT 5.0 s4.7: "+" matches one level, "#" the rest, including none), for the
    /// in-process brokers of the emulation and the tests; the one implementation both use.
    /// </summary>
    public static class TopicFilter
    {
        /// <summary>Returns whether <paramref name="filter"/> matches <paramref name="topic"/>.</summary>
        public static bool Matches(string filter, string topic)
        {
            if (filter == null)
            {
                throw new System.ArgumentNullException("filter");
            }

            if (topic == null)
            {
                throw new System.ArgumentNullException("topic");
            }

            string[] f = filter.Split(new char[] { '/' });
            string[] t = topic.Split(new char[] { '/' });
            for (int i = 0; i < f.Length; i++)
            {
                if (f[i] == "#")
                {
                    return true;
                }

                if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
                {
                    return false;
                }
            }

            return f.Length == t.Length;
        }
    }
}
