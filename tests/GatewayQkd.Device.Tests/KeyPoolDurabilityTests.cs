using GatewayQkd.Core.Pool;
using GatewayQkd.Device.Adapters;
using nanoFramework.TestFramework;

namespace GatewayQkd.Device.Tests
{
    /// <summary>
    /// The key pool's durability on the real I:\ drive (LittleFS through LittleFsKeyStorage): what a returned call
    /// stored survives reopening the pool from storage, as it must survive a reboot. Power cuts in the middle of a
    /// write are covered on the host (tests/GatewayQkd.Core.Tests Pool/PowerCutTests) with a storage fake; these tests
    /// check that the device storage keeps the contract those tests assume.
    /// </summary>
    [TestClass]
    public class KeyPoolDurabilityTests
    {
        private const long Capacity = 5120;
        private const int MaxBlocks = 24;

        [TestMethod]
        public void Storage_Write_Then_Read_Returns_The_Bytes_And_Replaces_Older_Content()
        {
            LittleFsKeyStorage storage = TestStorage.Fresh();
            storage.Write("f", new byte[] { 1, 2, 3, 4, 5 }, 0, 5);
            storage.Write("f", new byte[] { 9, 8, 7 }, 1, 2);

            CollectionAssert.AreEqual(new byte[] { 8, 7 }, storage.Read("f"));
        }

        [TestMethod]
        public void Storage_Append_Extends_And_Delete_Removes()
        {
            LittleFsKeyStorage storage = TestStorage.Fresh();
            storage.Append("log", new byte[] { 1 }, 0, 1);
            storage.Append("log", new byte[] { 2, 3 }, 0, 2);

            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, storage.Read("log"));
            storage.Delete("log");
            Assert.IsFalse(storage.Exists("log"));
            Assert.AreEqual(0, storage.ListFiles().Length);
        }

        [TestMethod]
        public void Storage_Rejects_Names_With_Directories()
        {
            LittleFsKeyStorage storage = TestStorage.Fresh();

            Assert.ThrowsException(typeof(System.ArgumentException), () => storage.Write("a\\b", new byte[1], 0, 1));
        }

        [TestMethod]
        public void Ingested_Blocks_Survive_Reopening()
        {
            KeyPool pool = KeyPool.Open(TestStorage.Fresh(), Capacity, MaxBlocks);
            Assert.AreEqual((int)IngestResult.Accepted, (int)pool.Ingest(new KeyBlock(0, 0, 0, Material(64, 1))));
            Assert.AreEqual((int)IngestResult.Accepted, (int)pool.Ingest(new KeyBlock(0, 1, 64, Material(64, 2))));

            KeyPool reopened = KeyPool.Open(new LittleFsKeyStorage(TestStorage.Directory), Capacity, MaxBlocks);

            Assert.AreEqual(128L * 8, reopened.AvailableBits(0));
            Assert.AreEqual(2L, (long)reopened.NextBlockId(0));
        }

        [TestMethod]
        public void Taken_Key_Is_Never_Issued_Again_After_Reopening()
        {
            KeyPool pool = KeyPool.Open(TestStorage.Fresh(), Capacity, MaxBlocks);
            pool.Ingest(new KeyBlock(0, 0, 0, Material(64, 1)));
            TakeResult first = pool.Take(0, 32);
            Assert.IsTrue(first.IsTaken);

            KeyPool reopened = KeyPool.Open(new LittleFsKeyStorage(TestStorage.Directory), Capacity, MaxBlocks);
            TakeResult second = reopened.Take(0, 32);

            Assert.IsTrue(second.IsTaken);
            Assert.IsFalse(first.Range.Overlaps(second.Range), "A reopened pool issued a range it had issued before.");
            Assert.AreEqual(0L, reopened.AvailableBits(0));
        }

        [TestMethod]
        public void Zeroize_Erases_Every_Key_File()
        {
            LittleFsKeyStorage storage = TestStorage.Fresh();
            KeyPool pool = KeyPool.Open(storage, Capacity, MaxBlocks);
            pool.Ingest(new KeyBlock(0, 0, 0, Material(64, 1)));

            pool.Zeroize();
            KeyPool reopened = KeyPool.Open(new LittleFsKeyStorage(TestStorage.Directory), Capacity, MaxBlocks);

            Assert.AreEqual(0L, reopened.TotalAvailableBits);
            string[] files = storage.ListFiles();
            for (int i = 0; i < files.Length; i++)
            {
                Assert.IsFalse(files[i].StartsWith("kb"), "Key block file " + files[i] + " left after zeroize.");
            }
        }

        private static byte[] Material(int length, byte seed)
        {
            byte[] material = new byte[length];
            for (int i = 0; i < length; i++)
            {
                material[i] = (byte)(seed + (i * 7));
            }

            return material;
        }
    }
}
