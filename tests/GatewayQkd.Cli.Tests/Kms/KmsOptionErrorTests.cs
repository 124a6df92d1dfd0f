using GatewayQkd.TestSupport;

namespace GatewayQkd.Cli.Tests.Kms;

/// <summary>Refused `kms` and `kms certs` options: a non-zero exit, an error naming the option, and no file written.</summary>
public sealed class KmsOptionErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_Certificate_Folder_Is_Refused_Without_Creating_The_Store()
    {
        var (exit, output, error) = KmsCommandRunner.Run("--certs", _folder.File("nowhere"), "--db", _folder.File("kms.db"),
            "--seconds", "1");

        Assert.NotEqual(0, exit);
        Assert.Contains("--certs", error, StringComparison.Ordinal);
        Assert.Contains("kms certs", error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
        Assert.Empty(KmsCommandRunner.Snapshot(_folder.Path));
    }

    [Fact]
    public void Certificate_Folder_With_Unreadable_Files_Is_Refused_Without_Creating_The_Store()
    {
        var certs = Directory.CreateDirectory(_folder.File("certs")).FullName;
        File.WriteAllText(Path.Combine(certs, "ca.crt"), "not a certificate");
        File.WriteAllText(Path.Combine(certs, "server.pfx"), "not a PKCS#12 file");
        var before = KmsCommandRunner.Snapshot(_folder.Path);

        var (exit, _, error) = KmsCommandRunner.Run("--certs", certs, "--db", _folder.File("kms.db"), "--seconds", "1");

        Assert.NotEqual(0, exit);
        Assert.Contains("--certs", error, StringComparison.Ordinal);
        Assert.Equal(before, KmsCommandRunner.Snapshot(_folder.Path));
    }

    [Fact]
    public void A_File_That_Is_Not_A_Key_Store_Is_Refused_And_Left_As_It_Was()
    {
        var certs = _folder.File("certs");
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", certs).ExitCode);
        var notAStore = _folder.File("notes.txt");
        File.WriteAllText(notAStore, "These are notes, not a SQLite key store. Long enough to be more than a header.\n");
        var before = KmsCommandRunner.Snapshot(_folder.Path);

        var (exit, output, error) = KmsCommandRunner.Run("--certs", certs, "--db", notAStore, "--port", "0", "--seconds", "1");

        Assert.NotEqual(0, exit);
        Assert.Contains("--db", error, StringComparison.Ordinal);
        Assert.Contains("notes.txt", error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
        Assert.Equal(before, KmsCommandRunner.Snapshot(_folder.Path));
    }

    [Theory]
    [InlineData("--port", "65536")]
    [InlineData("--port", "-1")]
    [InlineData("--port", "https")]
    [InlineData("--address", "localhost:80")]
    [InlineData("--seconds", "-1")]
    public void Bad_Server_Option_Is_Refused_Before_Anything_Is_Written(string option, string value)
    {
        var (exit, output, error) = KmsCommandRunner.Run("--certs", _folder.File("certs"), "--db", _folder.File("kms.db"),
            option, value);

        Assert.NotEqual(0, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
        Assert.Empty(KmsCommandRunner.Snapshot(_folder.Path));
    }

    [Fact]
    public void A_Postgres_Address_Without_A_Database_Is_Refused_Before_Anything_Is_Written()
    {
        var (exit, output, error) = KmsCommandRunner.Run("--certs", _folder.File("certs"), "--db", "postgres://gq@127.0.0.1/",
            "--port", "0", "--seconds", "1");

        Assert.NotEqual(0, exit);
        Assert.Contains("--db: 'postgres://gq@127.0.0.1/' is not a PostgreSQL address", error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
        Assert.Empty(KmsCommandRunner.Snapshot(_folder.Path));
    }

    [Theory]
    [InlineData("GN-7")]
    [InlineData("gn-07")]
    [InlineData("gn-0")]
    [InlineData("gateway")]
    public void Unknown_Sae_Name_Is_Refused_And_No_Certificate_Is_Written(string sae)
    {
        var (exit, output, error) = KmsCommandRunner.Run("certs", "--out", _folder.Path, "--sae", "cs", sae);

        Assert.NotEqual(0, exit);
        Assert.Contains("--sae", error, StringComparison.Ordinal);
        Assert.Contains($"'{sae}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", output, StringComparison.Ordinal);
        Assert.Empty(KmsCommandRunner.Snapshot(_folder.Path));
    }

    [Fact]
    public void Certificate_Output_Path_That_Is_A_File_Is_Refused_And_Left_As_It_Was()
    {
        var file = _folder.File("certs");
        File.WriteAllText(file, "a file, not a folder");
        var before = KmsCommandRunner.Snapshot(_folder.Path);

        var (exit, _, error) = KmsCommandRunner.Run("certs", "--out", file);

        Assert.NotEqual(0, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.Equal(before, KmsCommandRunner.Snapshot(_folder.Path));
    }

    [Theory]
    [InlineData("--pairs", "0")]
    [InlineData("--warmup", "-1")]
    [InlineData("--concurrency", "0")]
    [InlineData("--size", "130")]
    [InlineData("--size", "4096")]
    [InlineData("--keys-per-request", "0")]
    public void Bad_Bench_Option_Is_Refused_With_Its_Name(string option, string value)
    {
        var (exit, output, error) = KmsCommandRunner.Run("bench", option, value);

        Assert.NotEqual(0, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.DoesNotContain("pairs/s", output, StringComparison.Ordinal);
    }
}
