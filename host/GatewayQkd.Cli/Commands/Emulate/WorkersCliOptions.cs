using System.CommandLine;
using GatewayQkd.Cli.Commands.Options;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>The `emulate` options of several central-server workers sharing the gateways through leases (docs/deployment.md).</summary>
internal sealed class WorkersCliOptions
{
    public Option<int?> Workers { get; } = CliOption.Checked(
        CliOption.Described<int?>("--workers", "Central-server workers sharing the gateways through leases, 1..16 (default 1: one central server, no leases)."),
        n => n is < 1 or > 16 ? $"--workers must be 1..16, got {n}." : null);

    public Option<string?> Database { get; } = DatabaseOption(
        "--worker-database", "Database of the workers' leases and link counters: sqlite:PATH, or a PostgreSQL connection string (Host=...;Database=...;Username=...). Default: an SQLite file in the data folder.");

    public Option<string?> KeyStore { get; } = DatabaseOption(
        "--key-store", "Database of the central key store: sqlite:PATH, or a PostgreSQL connection string (Host=...;Database=...;Username=...) that workers on several machines share. Default: central-keys.sqlite in the data folder.");

    /// <summary>Adds the options to <paramref name="command"/>; the scenario key they set goes into <paramref name="names"/>.</summary>
    public void AddTo(Command command, OptionMap names) => CliOption.AddTo(command, names.Sets(Workers, "workers"), Database, KeyStore);

    /// <summary>Returns <paramref name="options"/> with the worker settings given on the command line.</summary>
    public EmulationOptions Apply(ParseResult parse, EmulationOptions options) => options with
    {
        Workers = parse.GetValue(Workers) ?? options.Workers,
        WorkerDatabase = parse.GetValue(Database) is { } text ? Parse(text) : options.WorkerDatabase,
        KeyStoreDatabase = parse.GetValue(KeyStore) is { } store ? Parse(store) : options.KeyStoreDatabase,
    };

    // An option naming a database as sqlite:PATH or a PostgreSQL connection string, refused with its name otherwise.
    private static Option<string?> DatabaseOption(string name, string description) => CliOption.Checked(
        CliOption.Described<string?>(name, description),
        text => text is not null && Parse(text) is null ? $"{name}: '{text}' is neither sqlite:PATH nor a PostgreSQL connection string (Host=...;Database=...)." : null);

    private static DatabaseEngine? Parse(string text)
    {
        if (text.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            return text.Length > "sqlite:".Length ? DatabaseEngine.Sqlite(text["sqlite:".Length..]) : null;
        }

        try
        {
            return text.Contains('=', StringComparison.Ordinal) ? DatabaseEngine.Postgres(text) : null;
        }
        catch (ArgumentException)
        {
            return null; // Npgsql's builder refuses an unknown keyword
        }
    }
}
