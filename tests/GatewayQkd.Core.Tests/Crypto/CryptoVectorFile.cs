namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>
/// Reads tests/vectors/crypto-vectors.txt (copied to the test output folder vectors/). The format is documented in
/// docs/crypto.md and is parsed here with Split and IndexOf only, as the on-device test project does.
/// </summary>
internal static class CryptoVectorFile
{
    private static readonly Lazy<IReadOnlyList<CryptoVector>> Vectors = new(() => Parse(File.ReadAllLines(FilePath)));

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "vectors", "crypto-vectors.txt");

    public static IReadOnlyList<CryptoVector> All => Vectors.Value;

    public static CryptoVector Get(string suite, string caseName) =>
        All.SingleOrDefault(v => v.Suite == suite && v.Case == caseName)
        ?? throw new KeyNotFoundException($"No vector {suite}|{caseName} in {FilePath}.");

    public static TheoryData<string> Cases(string suite)
    {
        var data = new TheoryData<string>();
        foreach (var vector in All.Where(v => v.Suite == suite))
        {
            data.Add(vector.Case);
        }

        return data;
    }

    public static IReadOnlyList<CryptoVector> Parse(IEnumerable<string> lines)
    {
        var vectors = new List<CryptoVector>();
        int lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('|');
            if (parts.Length < 3)
            {
                throw new FormatException($"Line {lineNumber}: expected suite|case|name=hex..., got '{line}'.");
            }

            var fields = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (int i = 2; i < parts.Length; i++)
            {
                int eq = parts[i].IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new FormatException($"Line {lineNumber}: field '{parts[i]}' is not name=hex.");
                }

                fields.Add(parts[i][..eq], Convert.FromHexString(parts[i][(eq + 1)..]));
            }

            vectors.Add(new CryptoVector(parts[0], parts[1], fields));
        }

        return vectors;
    }
}
