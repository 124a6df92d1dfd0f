using GatewayQkd.Kms.Cluster;
using Npgsql;

namespace GatewayQkd.Kms.Tests.Cluster;

/// <summary>How a database given on the command line (`kms --db`, `kms bench --db`) is read.</summary>
public sealed class DatabaseEngineParseTests
{
    [Fact]
    public void A_Postgres_Address_Gives_Host_Port_User_Password_And_Database()
    {
        var engine = DatabaseEngine.Parse("postgres://gq:s%40cret@db1.example:6543/gatewayqkd");

        var settings = new NpgsqlConnectionStringBuilder(engine.ConnectionString);
        Assert.Equal(DatabaseKind.Postgres, engine.Kind);
        Assert.Equal(("db1.example", 6543, "gq", "s@cret", "gatewayqkd"),
            (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database));
        Assert.Equal("postgres:db1.example/gatewayqkd", engine.ToString());
        Assert.Null(engine.SqliteFile);
    }

    [Fact]
    public void A_Postgresql_Address_Without_Port_Or_User_Uses_The_Defaults()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseEngine.Parse("postgresql://db1/keys").ConnectionString);

        Assert.Equal(("db1", 5432, null, "keys"), (settings.Host, settings.Port, settings.Username, settings.Database));
    }

    [Fact]
    public void An_Npgsql_Connection_String_Is_Taken_As_It_Is()
    {
        var engine = DatabaseEngine.Parse("Host=/run/postgresql;Username=gq;Database=keys");

        Assert.Equal(DatabaseKind.Postgres, engine.Kind);
        Assert.Equal("/run/postgresql", new NpgsqlConnectionStringBuilder(engine.ConnectionString).Host);
    }

    [Theory]
    [InlineData("keys/kms.db")]
    [InlineData("sqlite:keys/kms.db")]
    public void Anything_Else_Is_An_Sqlite_File(string text)
    {
        var engine = DatabaseEngine.Parse(text);

        Assert.Equal(DatabaseKind.Sqlite, engine.Kind);
        Assert.Equal(Path.GetFullPath("keys/kms.db"), engine.SqliteFile);
    }

    [Theory]
    [InlineData("postgres://gq:hunter2@db1/")]
    [InlineData("postgres://gq:hunter2@db1/keys?sslmode=require")]
    [InlineData("postgres:///keys")]
    public void A_Postgres_Address_Without_Database_Or_Host_Or_With_Settings_Is_Refused_Without_Echoing_The_Password(string text)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseEngine.Parse(text));

        Assert.Contains("postgres://user[:password]@host[:port]/database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
