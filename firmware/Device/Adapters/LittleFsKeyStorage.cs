using System.IO;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// Key storage in one directory of the ESP32's internal LittleFS drive I:\. Every write goes through a
    /// FileStream that is closed before the method returns: closing is LittleFS's commit point (Flush only calls
    /// fflush; joltwallet/esp_littlefs issues #48 and #129; nanoframework/nf-interpreter targets/ESP32/ESP32/target_FileSystem.cpp), so a returned call
    /// has committed its data. LittleFS is copy-on-write: a file being rewritten keeps its last committed content
    /// until the close [inferred from the LittleFS design; checked by the on-device pool durability tests].
    /// </summary>
    internal sealed class LittleFsKeyStorage : IKeyStorage
    {
        private readonly string _directory;

        /// <summary>Opens (and creates when missing) a storage directory such as <c>I:\qkd</c>.</summary>
        public LittleFsKeyStorage(string directory)
        {
            _directory = directory;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <inheritdoc />
        public string[] ListFiles()
        {
            string[] paths = Directory.GetFiles(_directory);
            string[] names = new string[paths.Length];
            for (int i = 0; i < paths.Length; i++)
            {
                names[i] = Path.GetFileName(paths[i]);
            }

            return names;
        }

        /// <inheritdoc />
        public bool Exists(string name)
        {
            return File.Exists(PathOf(name));
        }

        /// <inheritdoc />
        public byte[] Read(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                throw new IOException("Key storage: file '" + name + "' does not exist.");
            }

            return File.ReadAllBytes(path);
        }

        /// <inheritdoc />
        public void Write(string name, byte[] data, int offset, int count)
        {
            WriteFile(name, data, offset, count, FileMode.Create);
        }

        /// <inheritdoc />
        /// <remarks>The same as <see cref="Write"/>: LittleFS commits a file on its close, so the port's weaker promise is kept by the stronger one.</remarks>
        public void Rewrite(string name, byte[] data, int offset, int count)
        {
            WriteFile(name, data, offset, count, FileMode.Create);
        }

        /// <inheritdoc />
        public void Append(string name, byte[] data, int offset, int count)
        {
            WriteFile(name, data, offset, count, File.Exists(PathOf(name)) ? FileMode.Append : FileMode.Create);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = PathOf(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        private void WriteFile(string name, byte[] data, int offset, int count, FileMode mode)
        {
            Bytes.CheckRange(data, offset, count, "data");
            using (FileStream stream = new FileStream(PathOf(name), mode))
            {
                stream.Write(data, offset, count);
            }
        }

        private string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.IndexOfAny(new char[] { '\\', '/', ':' }) >= 0)
            {
                throw new System.ArgumentException("Key storage: '" + name + "' is not a plain file name.", "name");
            }

            return _directory + "\\" + name;
        }
    }
}
