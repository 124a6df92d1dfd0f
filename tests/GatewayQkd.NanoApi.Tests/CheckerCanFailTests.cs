using GatewayQkd.NanoApi.Tests.Checker;

namespace GatewayQkd.NanoApi.Tests;

/// <summary>The checker reports what nanoFramework lacks, with file:line, and accepts what it has.</summary>
public class CheckerCanFailTests
{
    private static readonly string[] CorePackages =
        ["nanoFramework.CoreLibrary", "nanoFramework.System.Collections", "nanoFramework.System.Math", "nanoFramework.System.Text"];

    [Theory]
    [InlineData("var list = new System.Collections.Generic.List<int>(); return list;", "System.Collections.Generic.List`1")]
    [InlineData("var list = new System.Collections.Generic.List<int>(); return list;", "generic type or method")]
    [InlineData("return string.Join(\",\", new[] { \"a\", \"b\" });", "M:System.String.Join(")]
    [InlineData("return Math.Max(1L, 2L);", "M:System.Math.Max(System.Int64,System.Int64)")]
    [InlineData("var pair = (1, \"a\"); return pair;", "tuple")]
    [InlineData("return string.IsNullOrWhiteSpace(\"a\");", "M:System.String.IsNullOrWhiteSpace(System.String)")]
    [InlineData("return \"a\".Replace(\"a\", \"b\");", "Replace")]
    [InlineData("Console.WriteLine(1); return null;", "CS1503")]
    [InlineData("int? maybe = null; return maybe;", "nullable type")]
    [InlineData("return $\"{1.5:E3}\";", "format specifier ':E3'")]
    [InlineData("return new nanoFramework.M2Mqtt.MqttClient(\"broker\");", "package-not-referenced")]
    public void Reports_Unsupported_Code_In_A_Method(string body, string expected)
    {
        var violations = CheckMethodBody(body);

        Assert.Contains(violations, v => v.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_Async_Methods()
    {
        const string Source = "using System.Threading.Tasks;\nnamespace S\n{\n    internal sealed class A\n    {\n        internal async Task Run() { await Task.Delay(1); }\n    }\n}\n";

        var violations = Check(Source);

        Assert.Contains(violations, v => v.Line == 6 && v.Message.StartsWith("async method", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Message.Contains("T:System.Threading.Tasks.Task", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_Linq_Query_And_Extension_Methods()
    {
        const string Source = "using System.Linq;\nnamespace S\n{\n    internal sealed class A\n    {\n        internal object Run(int[] x) { return from i in x where i > 1 select i; }\n        internal int Count(int[] x) { return x.Count(); }\n    }\n}\n";

        var violations = Check(Source);

        Assert.Contains(violations, v => v.Line == 1 && v.Message.Contains("LINQ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Line == 6 && v.Message.Contains("LINQ query", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Line == 7 && v.Message.Contains("M:System.Linq.Enumerable.Count", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_File_And_Line_Of_A_Missing_Member()
    {
        const string Source = "namespace S\n{\n    internal sealed class A\n    {\n        internal long Run() { return System.Math.Max(1L, 2L); }\n    }\n}\n";

        var violation = Assert.Single(Check(Source), v => v.Rule == "not-in-listing");

        Assert.Equal(
            "snippet/A.cs:5: [not-in-listing] M:System.Math.Max(System.Int64,System.Int64) is not in the nanoFramework API listings; " +
            "the nanoFramework build binds M:System.Math.Max(System.Single,System.Single) here, so host and device would run different code: " +
            "write the call so that both bind a listed member",
            violation.ToString());
    }

    [Fact]
    public void Reports_Members_The_Compiler_Calls_For_A_Foreach()
    {
        // A foreach over Hashtable binds the listed IEnumerable.GetEnumerator; one over a .NET generic collection binds
        // IEnumerator`1.Current, which nanoFramework 1.x does not have.
        const string Source = "namespace S\n{\n    internal sealed class A\n    {\n        internal void Run(System.Collections.Generic.IEnumerable<string> items) { foreach (var item in items) { } }\n    }\n}\n";

        var violations = Check(Source);

        Assert.Contains(violations, v => v.Line == 5 && v.Message.Contains("P:System.Collections.Generic.IEnumerator`1.Current", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_Code_Within_The_NanoFramework_Api()
    {
        const string Source = """
            using System;
            using System.Collections;
            namespace S
            {
                internal sealed class A : IDisposable
                {
                    private readonly object _gate = new object();
                    private readonly Hashtable _table = new Hashtable();

                    internal event EventHandler Changed;

                    internal string Run(byte[] data)
                    {
                        var list = new ArrayList { 1, "two" };
                        lock (_gate)
                        {
                            foreach (object item in list)
                            {
                                _table[item] = data.Length;
                            }
                        }

                        using (var other = new A())
                        {
                        }

                        Changed?.Invoke(this, EventArgs.Empty);
                        return $"{data.Length:X4} {Math.Max(1, 2)} " + list.Count + ToString();
                    }

                    public void Dispose()
                    {
                    }
                }
            }
            """;

        var violations = Check(Source);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static List<Violation> CheckMethodBody(string body) =>
        Check("using System;\nnamespace S\n{\n    internal sealed class A\n    {\n        internal object Run()\n        {\n            " + body + "\n        }\n    }\n}\n");

    private static List<Violation> Check(string source) =>
        NanoApiChecker.Check([new FirmwareSource("snippet/A.cs", source, CorePackages)], alsoBuiltForDotnet: true);
}
