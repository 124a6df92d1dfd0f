using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Device.Adapters;
using GatewayQkd.Device.Tests;
using nanoFramework.TestFramework;

namespace GatewayQkd.Sensor.Tests
{
    /// <summary>
    /// The core's sensor state machine on the sensor board, with the board's native crypto (NativeCrypto) and its
    /// LittleFS drive (TestStorage, I:\qkd-test): the test plays the gateway and the central server with the same
    /// core classes, so what the board seals is checked by an independent open. Host twins of these behaviours:
    /// tests/GatewayQkd.Core.Tests/Protocol/SensorStateMachineTests.cs.
    /// </summary>
    [TestClass]
    public class SensorOnBoardTests
    {
        private const ushort Sensor = 101;
        private const ushort Gateway = 7;
        private const int MaxReading = 48;

        [TestMethod]
        public void One_Time_Pad_Reading_Sealed_On_The_Board_Opens_At_The_Central_Server()
        {
            AssertReadingRoundTrips(4);
        }

        [TestMethod]
        public void Aes_Reading_Sealed_On_The_Board_Opens_At_The_Central_Server()
        {
            AssertReadingRoundTrips(2);
        }

        [TestMethod]
        public void Response_Replayed_After_A_Restart_Is_Refused()
        {
            NativeCrypto crypto = new NativeCrypto();
            LittleFsKeyStorage storage = TestStorage.Fresh();
            RecordingBus bus = new RecordingBus();
            byte[] reading = new byte[] { 1, 2, 3 };
            SensorClient client = NewClient(crypto, storage, bus, reading);
            uint requestId = client.RequestKey(1, 0);
            byte[] response = Served(crypto, requestId, 1, new byte[16]);
            Assert.AreEqual((int)SensorOutcomeKind.Served, (int)client.HandleMessage(client.ResponseTopic, response).Kind);

            SensorClient restarted = NewClient(crypto, new LittleFsKeyStorage(TestStorage.Directory), bus, reading);
            restarted.RequestKey(1, 0);

            Assert.AreEqual((int)SensorOutcomeKind.Rejected, (int)restarted.HandleMessage(restarted.ResponseTopic, response).Kind);
        }

        private static void AssertReadingRoundTrips(int level)
        {
            NativeCrypto crypto = new NativeCrypto();
            RecordingBus bus = new RecordingBus();
            byte[] reading = new byte[] { 0x74, 0x3d, 0x32, 0x31, 0x2e, 0x35 };
            SensorClient client = NewClient(crypto, TestStorage.Fresh(), bus, reading);
            uint requestId = client.RequestKey(level, 0);
            byte[] key = new byte[TelemetryModes.RequiredKeyBits(level, MaxReading) / 8];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(31 * i + level);
            }

            SensorOutcome outcome = client.HandleMessage(client.ResponseTopic, Served(crypto, requestId, 1, (byte[])key.Clone()));

            Assert.AreEqual((int)SensorOutcomeKind.Served, (int)outcome.Kind, outcome.Message);
            Assert.AreEqual(2, bus.Count);
            Assert.AreEqual(client.TelemetryTopic, bus.TopicAt(1));
            byte[] frame = bus.PayloadAt(1);
            TelemetryOpenResult opened = new TelemetryCodec(crypto).Open(frame, 0, frame.Length, key);
            Assert.IsTrue(opened.IsOk, opened.Message);
            Assert.AreEqual(Hex.Encode(reading), Hex.Encode(opened.Plaintext));
        }

        private static SensorClient NewClient(NativeCrypto crypto, LittleFsKeyStorage storage, RecordingBus bus, byte[] reading)
        {
            return new SensorClient(Sensor, Gateway, DeviceKey(), crypto, storage, 16, bus, new FixedReading(reading), MaxReading, 4);
        }

        private static byte[] Served(NativeCrypto crypto, uint requestId, uint counter, byte[] key)
        {
            FrameKeys keys = FrameKeys.Derive(crypto, DeviceKey());
            // A fixed wrap salt is fine here: each test wraps one key under its own counter (docs/crypto.md s2.2).
            byte[] salt = new byte[KeyWrap.SaltLength];
            for (int i = 0; i < salt.Length; i++)
            {
                salt[i] = (byte)(0xA0 + i);
            }

            byte[] wrapped = new KeyWrap(crypto).Apply(keys, FrameType.KeyResponse, Gateway, Sensor, counter, salt, key);
            return new FrameSealer(crypto).Seal(KeyResponseMessage.Served(requestId, 0, 320, salt, wrapped), Gateway, Sensor, counter, keys);
        }

        private static byte[] DeviceKey()
        {
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(i + 1);
            }

            return key;
        }
    }
}
