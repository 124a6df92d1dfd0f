using System.Text;
using GatewayQkd.Core.Pool;
using GatewayQkd.Emulation.Metrics;

namespace GatewayQkd.Emulation.Tests.Metrics;

/// <summary>The data folder's ledger of issued keys: durable per line, torn by a crash at most in its last line.</summary>
public sealed class IssuedKeyLedgerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-ledger-").FullName;

    private string FilePath => Path.Combine(_folder, IssuedKeyLedger.FileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Keys_Appended_In_One_Run_Are_Read_Back_By_The_Next_With_Their_Run()
    {
        using (var first = IssuedKeyLedger.Open(_folder, 1))
        {
            first.Append(3, new KeyRange(0, 64, 32));
            first.Append(4, new KeyRange(0, 0, 16));
        }

        using var second = IssuedKeyLedger.Open(_folder, 2);
        second.Append(3, new KeyRange(0, 96, 32));

        Assert.Equal([new IssuedKey(1, 3, 0, 64, 32), new IssuedKey(1, 4, 0, 0, 16), new IssuedKey(2, 3, 0, 96, 32)], second.Keys);
    }

    [Fact]
    public void A_Line_Torn_By_A_Crash_Is_Dropped_And_The_Next_Line_Starts_Clean()
    {
        using (var first = IssuedKeyLedger.Open(_folder, 1))
        {
            first.Append(3, new KeyRange(0, 64, 32));
        }

        File.AppendAllText(FilePath, "1,3,0,9"); // the crash cut this line before its newline

        using (var second = IssuedKeyLedger.Open(_folder, 2))
        {
            Assert.Equal([new IssuedKey(1, 3, 0, 64, 32)], second.Keys);
            second.Append(5, new KeyRange(1, 8, 8));
        }

        using var third = IssuedKeyLedger.Open(_folder, 3);
        Assert.Equal([new IssuedKey(1, 3, 0, 64, 32), new IssuedKey(2, 5, 1, 8, 8)], third.Keys);
    }

    [Theory]
    [InlineData("1,3,0,64\n")]
    [InlineData("0,3,0,64,32\n")]
    [InlineData("1,3,0,64,0\n")]
    [InlineData("1,70000,0,64,32\n")]
    [InlineData("1,3,0,-64,32\n")]
    [InlineData("x,3,0,64,32\n")]
    public void A_Complete_Line_That_Does_Not_Parse_Is_Refused_Naming_Its_Line_And_Changes_Nothing(string line)
    {
        using (var first = IssuedKeyLedger.Open(_folder, 1))
        {
            first.Append(3, new KeyRange(0, 0, 32));
        }

        File.AppendAllText(FilePath, line);
        var before = File.ReadAllBytes(FilePath);

        var e = Assert.Throws<InvalidDataException>(() => IssuedKeyLedger.Open(_folder, 2));

        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(FilePath));
    }

    [Fact]
    public void A_New_Ledger_Starts_With_Its_Header()
    {
        using (IssuedKeyLedger.Open(_folder, 1))
        {
        }

        Assert.Equal(IssuedKeyLedger.Header + "\n", File.ReadAllText(FilePath, Encoding.ASCII));
    }
}
