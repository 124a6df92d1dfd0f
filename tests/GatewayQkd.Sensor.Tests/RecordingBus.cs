using System.Collections;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Sensor.Tests
{
    /// <summary>A message bus that only records what is published (the on-board tests play the gateway themselves).</summary>
    internal sealed class RecordingBus : IMessageBus
    {
        private readonly ArrayList _topics = new ArrayList();
        private readonly ArrayList _payloads = new ArrayList();

        /// <summary>Gets the number of published messages.</summary>
        public int Count
        {
            get { return _topics.Count; }
        }

        /// <inheritdoc />
        public void Publish(string topic, byte[] payload)
        {
            _topics.Add(topic);
            _payloads.Add(payload);
        }

        /// <inheritdoc />
        public void Subscribe(string topicFilter)
        {
        }

        /// <summary>Returns the topic of message <paramref name="index"/>.</summary>
        public string TopicAt(int index)
        {
            return (string)_topics[index];
        }

        /// <summary>Returns the payload of message <paramref name="index"/>.</summary>
        public byte[] PayloadAt(int index)
        {
            return (byte[])_payloads[index];
        }
    }
}
