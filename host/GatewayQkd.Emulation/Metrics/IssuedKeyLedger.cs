using System.Globalization;
using System.Text;
using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.Metrics;

/// <summary>
/// The durable list of every key a sensor received in a deployment, across runs (docs/emulation.md s3): one line per
/// key, "run,gateway,peer,offset,length", appended when the key arrives, in the data folder's issued-keys.csv. A run
/// that resumes after a crash (kill -9, power cut of the PC) reads it, so its report includes the keys the crashed run
/// issued, says which run issued each, and counts every key once. Thread-safe.
/// </summary>
/// <remarks>
/// Each line is written to the operating system as the key arrives (a killed process loses none); it is not fsynced,
/// because the ledger is the report's bookkeeping, not a safety record: that no key is issued twice rests on the
/// gateways' durable pools (docs/storage-layout.md), which mark a key consumed before sending it. A crash in the middle
/// of a line leaves a last line without its newline; opening drops that torn line (its key was not yet delivered to
/// the report's knowledge) and any other line that does not parse is refused with its line number.
/// </remarks>
public sealed class IssuedKeyLedger : IDisposable
{
    /// <summary>The ledger's file name in the data folder.</summary>
    public const string FileName = "issued-keys.csv";

    /// <summary>The header line.</summary>
    public const string Header = "run,gateway,peer,offset,length";

    private readonly FileStream _file;
    private readonly List<IssuedKey> _keys;

    private IssuedKeyLedger(FileStream file, int runNumber, List<IssuedKey> keys)
    {
        _file = file;
        RunNumber = runNumber;
        _keys = keys;
    }

    /// <summary>Gets the run whose keys <see cref="Append"/> records.</summary>
    public int RunNumber { get; }

    /// <summary>Gets every key recorded so far, earlier runs first, in arrival order.</summary>
    public IReadOnlyList<IssuedKey> Keys
    {
        get
        {
            lock (_keys)
            {
                return [.. _keys];
            }
        }
    }

    /// <summary>Opens (or creates) the ledger of <paramref name="dataFolder"/> for run <paramref name="runNumber"/>.</summary>
    /// <exception cref="InvalidDataException">A complete line does not parse (the file is not this program's ledger, or was edited).</exception>
    public static IssuedKeyLedger Open(string dataFolder, int runNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(runNumber, 1);
        var path = Path.Combine(dataFolder, FileName);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var keys = Read(file, path);
            return new IssuedKeyLedger(file, runNumber, keys);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Records a key a sensor of gateway <paramref name="gatewayId"/> received in this run.</summary>
    public IssuedKey Append(ushort gatewayId, KeyRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var key = new IssuedKey(RunNumber, gatewayId, range.PeerId, range.Offset, range.Length);
        var line = Encoding.ASCII.GetBytes(Format(key) + "\n");
        lock (_keys)
        {
            _file.Write(line);
            _file.Flush(); // to the operating system: a killed program loses no line
            _keys.Add(key);
        }

        return key;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    private static string Format(IssuedKey k) => string.Create(CultureInfo.InvariantCulture, $"{k.Run},{k.GatewayId},{k.PeerId},{k.Offset},{k.Length}");

    private static List<IssuedKey> Read(FileStream file, string path)
    {
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1; // a torn last line (crash mid-write) ends without '\n'
        var keys = new List<IssuedKey>();
        var lines = Encoding.ASCII.GetString(bytes, 0, complete).Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (i == 0 && lines[0] == Header)
            {
                continue;
            }

            keys.Add(Parse(lines[i]) ?? throw new InvalidDataException($"{path} line {i + 1}: '{lines[i]}' is not '{Header}' (delete the file only if you accept reports without the earlier runs' keys)."));
        }

        file.SetLength(complete);
        file.Position = complete;
        if (complete == 0)
        {
            file.Write(Encoding.ASCII.GetBytes(Header + "\n"));
            file.Flush();
        }

        return keys;
    }

    private static IssuedKey? Parse(string line)
    {
        var f = line.Split(',');
        return f.Length == 5
            && int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var run) && run >= 1
            && ushort.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gateway)
            && ushort.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var peer)
            && uint.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length >= 1
            ? new IssuedKey(run, gateway, peer, offset, length)
            : null;
    }
}
