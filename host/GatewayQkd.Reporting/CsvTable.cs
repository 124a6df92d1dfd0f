using System.Globalization;
using System.Text;

namespace GatewayQkd.Reporting;

/// <summary>
/// A table written as RFC 4180 CSV with a header row; numbers in invariant culture with round-trip precision, so
/// spreadsheets and scripts read the same values the program computed.
/// </summary>
public sealed class CsvTable
{
    private readonly string[] _columns;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table with these column names.</summary>
    public CsvTable(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("A CSV table needs at least one column.", nameof(columns));
        }

        _columns = columns;
    }

    /// <summary>Gets the column names.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Gets the number of data rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row; values are formatted invariantly (doubles with "R").</summary>
    public void AddRow(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"Row has {values.Length} values but the table has {_columns.Length} columns.", nameof(values));
        }

        _rows.Add(values.Select(Format).ToArray());
    }

    /// <summary>Returns the CSV text (header and rows, LF line ends).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', _columns.Select(Quote))).Append('\n');
        foreach (var row in _rows)
        {
            text.Append(string.Join(',', row.Select(Quote))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the CSV to a file, creating its folder.</summary>
    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToString());
    }

    /// <summary>Formats one value the way <see cref="AddRow"/> stores it.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
