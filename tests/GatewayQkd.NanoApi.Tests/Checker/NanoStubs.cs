using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// The reference stubs generated from the listings (see <see cref="StubSourceGenerator"/>), compiled once and handed
/// out as a compilation reference that firmware compilations use instead of the .NET reference assemblies.
/// </summary>
internal static class NanoStubs
{
    private static readonly Lazy<CSharpCompilation> Shared = new(() => Create(ApiListing.Default));

    /// <summary>Gets the stub compilation for the listings shipped with the tests.</summary>
    public static CSharpCompilation Compilation => Shared.Value;

    /// <summary>Gets a reference to the stub compilation.</summary>
    public static MetadataReference Reference => Compilation.ToMetadataReference();

    /// <summary>Compiles the stubs for a listing.</summary>
    public static CSharpCompilation Create(ApiListing listing)
    {
        var tree = CSharpSyntaxTree.ParseText(
            StubSourceGenerator.Generate(listing),
            new CSharpParseOptions(LanguageVersion.Latest),
            path: "nanoFramework-stubs.cs");
        return CSharpCompilation.Create(
            "nanoFramework.Stubs",
            [tree],
            [],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    }
}
