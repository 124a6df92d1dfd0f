using System.IO;
using GatewayQkd.Device.Adapters;

namespace GatewayQkd.Device.Tests
{
    /// <summary>A fresh, empty key storage directory on the real I:\ LittleFS drive (never the gateway's own I:\qkd).</summary>
    internal static class TestStorage
    {
        /// <summary>The test directory.</summary>
        public const string Directory = "I:\\qkd-test";

        /// <summary>Deletes the test directory's files and returns storage on it.</summary>
        public static LittleFsKeyStorage Fresh()
        {
            if (System.IO.Directory.Exists(Directory))
            {
                string[] files = System.IO.Directory.GetFiles(Directory);
                for (int i = 0; i < files.Length; i++)
                {
                    File.Delete(files[i]);
                }
            }

            return new LittleFsKeyStorage(Directory);
        }
    }
}
