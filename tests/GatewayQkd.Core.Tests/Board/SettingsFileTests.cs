using GatewayQkd.Core.Board;

namespace GatewayQkd.Core.Tests.Board;

public class SettingsFileTests
{
    private static readonly string[] Keys = ["name", "port", "ratio", "key"];
    private static readonly string[] Prefixes = ["sensor."];
    private const string Key64 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    [Fact]
    public void Reads_Values_Ignoring_Comments_Blank_Lines_And_Spaces()
    {
        var file = SettingsFile.Parse("# comment\r\n\r\n  name = gateway one \r\nport=1883\nsensor.7=" + Key64 + "\n", Keys, Prefixes);

        Assert.Equal("gateway one", file.GetString("name"));
        Assert.Equal(1883, file.GetLong("port", 1, 65535));
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), file.GetKey256("sensor.7"));
        Assert.Equal(["name", "port", "sensor.7"], file.Keys);
        Assert.Equal(4, file.LineOf("port"));
    }

    [Fact]
    public void Absent_Optional_Values_Give_The_Fallback()
    {
        var file = SettingsFile.Parse("name=x", Keys, Prefixes);

        Assert.Equal(42, file.GetLong("port", 1, 100, 42));
        Assert.Equal(0.5, file.GetDouble("ratio", 0, 1, 0.5));
        Assert.Null(file.GetString("key", null));
    }

    [Theory]
    [InlineData("nmae=x", "line 1: unknown key 'nmae'")]
    [InlineData("name=x\nname=y", "line 2: key 'name' repeats line 1")]
    [InlineData("name", "line 1: expected key=value")]
    [InlineData("=x", "line 1: expected key=value")]
    [InlineData("sensor.=00", "line 1: unknown key 'sensor.'")]
    public void Rejects_Bad_Lines_Naming_The_Line(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SettingsFile.Parse(text, Keys, Prefixes));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port=70000")]
    [InlineData("port=0")]
    [InlineData("port=12ab")]
    [InlineData("port=")]
    public void Rejects_Numbers_Out_Of_Range_Naming_Line_And_Key(string text)
    {
        var file = SettingsFile.Parse("name=x\n" + text, Keys, Prefixes);

        var error = Assert.Throws<FormatException>(() => file.GetLong("port", 1, 65535, 1883));

        Assert.Contains("line 2 (port)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ratio=1.5")]
    [InlineData("ratio=abc")]
    [InlineData("ratio=NaN")]
    public void Rejects_Decimals_Out_Of_Range(string text)
    {
        var file = SettingsFile.Parse(text, Keys, Prefixes);

        Assert.Throws<FormatException>(() => file.GetDouble("ratio", 0, 1, 0.5));
    }

    [Theory]
    [InlineData("key=00")]
    [InlineData("key=" + Key64 + "00")]
    [InlineData("key=zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    public void Rejects_Keys_That_Are_Not_64_Hex_Digits_Without_Echoing_Them(string text)
    {
        var file = SettingsFile.Parse(text, Keys, Prefixes);

        var error = Assert.Throws<FormatException>(() => file.GetKey256("key"));

        Assert.Contains("line 1 (key)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text[4..], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Required_Values_Are_Named()
    {
        var file = SettingsFile.Parse("name=", Keys, Prefixes);

        Assert.Contains("'name' is empty", Assert.Throws<FormatException>(() => file.GetString("name")).Message, StringComparison.Ordinal);
        Assert.Contains("'port' is missing", Assert.Throws<FormatException>(() => file.GetLong("port", 1, 2)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_An_Oversized_File()
    {
        var text = "name=" + new string('x', SettingsFile.MaxLength);

        Assert.Throws<FormatException>(() => SettingsFile.Parse(text, Keys, Prefixes));
    }

    [Fact]
    public void Ignores_A_Byte_Order_Mark_Before_The_First_Key()
    {
        var file = SettingsFile.Parse("\uFEFFname=x\r\nport=1\r\n", Keys, Prefixes);

        Assert.Equal("x", file.GetString("name"));
    }

    [Fact]
    public void Rejects_An_Over_Long_Line_Naming_The_Line_And_Key()
    {
        var text = "port=1\nname=" + new string('x', SettingsFile.MaxLineLength);

        var error = Assert.Throws<FormatException>(() => SettingsFile.Parse(text, Keys, Prefixes));

        Assert.Contains("line 2 (name): " + (SettingsFile.MaxLineLength + 5) + " characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_A_Line_Of_Exactly_The_Longest_Length()
    {
        var value = new string('x', SettingsFile.MaxLineLength - "name=".Length);

        Assert.Equal(value, SettingsFile.Parse("name=" + value, Keys, Prefixes).GetString("name"));
    }

    [Fact]
    public void A_Line_Without_Equals_Is_Not_Echoed()
    {
        var error = Assert.Throws<FormatException>(() => SettingsFile.Parse("name=x\n" + Key64, Keys, Prefixes));

        Assert.Contains("line 2: expected key=value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key64, error.Message, StringComparison.Ordinal);
    }
}
