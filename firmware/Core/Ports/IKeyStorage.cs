namespace GatewayQkd.Core.Ports
{
    /// <summary>
    /// Flat file storage with commit-on-close semantics, as LittleFS on the ESP32's I:\ drive gives.
    /// </summary>
    /// <remarks>
    /// Contract: a call that returns normally has committed its data (the device adapter closes the stream before
    /// returning; closing is LittleFS's commit point: joltwallet/esp_littlefs issues #48 and #129). A power cut
    /// during a call may leave the file as before the call, or, for <see cref="Append"/> on storage without
    /// copy-on-write, with a torn (partial) tail; callers that must survive that write self-checking records.
    /// <see cref="Delete"/> and <see cref="Rewrite"/> are the exceptions: their effect is seen by every later call at
    /// once, but it may become durable only with the next Write or Append that creates a file and returns (the host's
    /// folder storage defers the directory change to save an fsync; LittleFS commits a remove or a close at once), so
    /// a power cut before that may bring the deleted file, or the rewritten file's previous content, back. Callers
    /// delete only files their recovery recognises as garbage and deletes again, and rewrite only files whose previous
    /// content their recovery accepts and rewrites again.
    /// Names are plain file names without directories. Not thread-safe: the caller serialises access.
    /// </remarks>
    public interface IKeyStorage
    {
        /// <summary>Returns the names of all files, in no particular order.</summary>
        string[] ListFiles();

        /// <summary>Returns true when a file with this name exists.</summary>
        bool Exists(string name);

        /// <summary>Reads a whole file; throws System.IO.IOException when it does not exist.</summary>
        byte[] Read(string name);

        /// <summary>Creates or replaces a file with <paramref name="count"/> bytes of <paramref name="data"/>, committed on return.</summary>
        void Write(string name, byte[] data, int offset, int count);

        /// <summary>Appends <paramref name="count"/> bytes to a file, creating it if needed, committed on return.</summary>
        void Append(string name, byte[] data, int offset, int count);

        /// <summary>
        /// Replaces an existing file's content with <paramref name="count"/> bytes of <paramref name="data"/>: read back at
        /// once, but until the next Write or Append that creates a file returns, a power cut may leave the previous content
        /// instead (whole: never torn, never missing). Not a commit: nothing may wait on the new content surviving a cut.
        /// A file that does not exist is created as by <see cref="Write"/>.
        /// </summary>
        void Rewrite(string name, byte[] data, int offset, int count);

        /// <summary>Deletes a file if it exists: gone at once, durable at the latest with the next Write or Append that creates a file and returns.</summary>
        void Delete(string name);
    }
}
