using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Checks firmware sources against the nanoFramework API listings in three ways, each reporting file:line:
/// (1) <see cref="LanguageFeatureCheck"/> on the syntax; (2) the sources are compiled and emitted against reference
/// stubs generated from the listings (<see cref="NanoStubs"/>), so every call, overload, accessor, conversion and
/// compiler-lowered member must exist with nanoFramework's exact signature, and every symbol used must come from a
/// package the project references; (3) for sources also built for .NET (the portable core), the sources are compiled
/// against .NET's reference assemblies and every external symbol .NET binds must be listed too: this catches code whose
/// meaning differs between the host build and the device (Math.Max(1L, 2L) binds Max(long, long) on .NET and
/// Max(float, float) on nanoFramework).
/// </summary>
internal static class NanoApiChecker
{
    private static readonly Lazy<MetadataReference[]> DotnetReferences = new(LoadDotnetReferences);

    /// <summary>Returns every violation in the sources, sorted by file and line.</summary>
    public static List<Violation> Check(IReadOnlyList<FirmwareSource> sources, bool alsoBuiltForDotnet)
    {
        var listing = ApiListing.Default;
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, LanguageFeatureCheck.ParseOptions, s.Path)).ToList();
        var violations = new List<Violation>();
        for (var i = 0; i < sources.Count; i++)
        {
            violations.AddRange(LanguageFeatureCheck.Check(trees[i], sources[i].Path));
        }

        var nano = Compile("Firmware.Nano", trees, [NanoStubs.Reference]);
        violations.AddRange(EmitErrors(nano));
        violations.AddRange(CheckUses(listing, nano, trees, sources, null));
        if (alsoBuiltForDotnet)
        {
            var dotnet = Compile("Firmware.Dotnet", trees, DotnetReferences.Value);
            violations.AddRange(CheckUses(listing, dotnet, trees, sources, use => NanoBinding(nano, use)));
        }

        return violations
            .DistinctBy(v => (v.File, v.Line, v.Rule, v.Message))
            .OrderBy(v => v.File, StringComparer.Ordinal)
            .ThenBy(v => v.Line)
            .ToList();
    }

    private static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            name,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    private static IEnumerable<Violation> EmitErrors(CSharpCompilation compilation)
    {
        using var output = new MemoryStream();
        var result = compilation.Emit(output, options: new EmitOptions(runtimeMetadataVersion: "v4.0.30319"));
        return result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource)
            .Select(d => new Violation(
                d.Location.SourceTree!.FilePath,
                d.Location.GetLineSpan().StartLinePosition.Line + 1,
                "nano-compile",
                d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture) + " (compiled against the nanoFramework API listings)"));
    }

    private static IEnumerable<Violation> CheckUses(
        ApiListing listing,
        Compilation compilation,
        List<SyntaxTree> trees,
        IReadOnlyList<FirmwareSource> sources,
        Func<ApiUse, string?>? explain)
    {
        for (var i = 0; i < trees.Count; i++)
        {
            var uses = ApiUseCollector.Collect(compilation, trees[i], sources[i].Path).DistinctBy(u => (u.Line, u.Id));
            foreach (var violation in ListingCheck.Check(listing, uses, sources[i].Packages, explain))
            {
                yield return violation;
            }
        }
    }

    /// <summary>
    /// Says what the nanoFramework build binds at a use .NET bound to an unlisted member: the same source then runs
    /// different overloads on the host and on the device (String.Split('/') binds Split(char, StringSplitOptions) on .NET
    /// and Split(params char[]) on nanoFramework; Math.Max(1L, 2L) binds Max(float, float) on nanoFramework).
    /// </summary>
    private static string? NanoBinding(Compilation nano, ApiUse use)
    {
        if (use.Node is null)
        {
            return null;
        }

        var symbol = nano.GetSemanticModel(use.Node.SyntaxTree).GetSymbolInfo(use.Node).Symbol;
        var id = symbol?.OriginalDefinition.GetDocumentationCommentId();
        return id is null || id == use.Id
            ? null
            : "; the nanoFramework build binds " + id + " here, so host and device would run different code: write the call so that both bind a listed member";
    }

    private static MetadataReference[] LoadDotnetReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.GetFiles(runtimeDirectory, "*.dll")
            .Where(IsManaged)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
