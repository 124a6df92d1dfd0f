using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Compiles firmware projects as the nanoFramework build would, as far as this machine can: against the real
/// mscorlib.dll of the pinned nanoFramework.CoreLibrary package, plus reference stubs of the project's other packages
/// (generated from the pinned listings, <see cref="PinnedListing"/>) that are themselves compiled against that real
/// mscorlib; at the project's own LangVersion (9.0 when the .nfproj sets none: the nanoFramework project system's
/// default). The emitted assembly is then checked for generic parameters and instantiations, which the nanoFramework
/// 1.x metadata processor and CLR do not take.
/// </summary>
internal static class RealAssemblyCompiler
{
    private const string CoreLibrary = "nanoFramework.CoreLibrary";
    private static readonly ConcurrentDictionary<string, Lazy<CSharpCompilation>> StubsByPackages = new(StringComparer.Ordinal);

    /// <summary>Returns the stub compilation of these packages (CoreLibrary excluded: the real mscorlib stands for it).</summary>
    public static CSharpCompilation Stubs(IEnumerable<string> packages)
    {
        var others = packages.Where(p => p != CoreLibrary).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var key = string.Join(",", others);
        return StubsByPackages.GetOrAdd(key, _ => new Lazy<CSharpCompilation>(() =>
        {
            var listing = ApiListing.Default.Without((package, _) => !others.Contains(package));
            var tree = CSharpSyntaxTree.ParseText(StubSourceGenerator.Generate(listing), new CSharpParseOptions(LanguageVersion.Latest), path: "nanoFramework-package-stubs.cs");
            return CSharpCompilation.Create(
                "nanoFramework.PackageStubs",
                [tree],
                [RealAssemblies.Mscorlib],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        })).Value;
    }

    /// <summary>Compiles and emits a project; returns the errors (file:line) and, when it emitted, the image.</summary>
    public static (List<Violation> Errors, byte[]? Image) Compile(FirmwareProject project, IEnumerable<MetadataReference> libraries, Func<string, string?>? edit = null)
    {
        var packages = RepositoryFiles.Packages(project.PackagesConfig).Keys.ToList();
        var parse = new CSharpParseOptions(LanguageVersionOf(project.Project), DocumentationMode.Parse);
        var trees = RepositoryFiles.CompileItems(project.Project)
            .Select(path =>
            {
                var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, path));
                return CSharpSyntaxTree.ParseText(edit is null ? text : edit(path) ?? text, parse, path);
            })
            .ToList();
        var compilation = CSharpCompilation.Create(
            project.Name,
            trees,
            [RealAssemblies.Mscorlib, Stubs(packages).ToMetadataReference(), .. libraries],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output, options: new EmitOptions(runtimeMetadataVersion: "v4.0.30319"));
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => new Violation(
                d.Location.IsInSource ? d.Location.SourceTree!.FilePath : project.Name,
                d.Location.IsInSource ? d.Location.GetLineSpan().StartLinePosition.Line + 1 : 0,
                "real-mscorlib-compile",
                d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture) + ExclusionNote(d.GetMessage(CultureInfo.InvariantCulture))))
            .ToList();
        return (errors, result.Success ? output.ToArray() : null);
    }

    /// <summary>
    /// Returns every generic parameter (GenericParam table) and generic instantiation (MethodSpec table; TypeSpec
    /// signatures that are GENERICINST, VAR or MVAR: ECMA-335 II.23.2.14, element types 0x15, 0x13, 0x1e) in an image.
    /// </summary>
    public static List<string> GenericsIn(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        var found = new List<string>();
        for (var row = 1; row <= metadata.GetTableRowCount(TableIndex.GenericParam); row++)
        {
            var parameter = metadata.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
            found.Add("generic parameter " + metadata.GetString(parameter.Name) + " of " + OwnerName(metadata, parameter.Parent));
        }

        for (var row = 1; row <= metadata.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            var spec = metadata.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            var kind = metadata.GetBlobReader(spec.Signature).ReadByte();
            if (kind is 0x15 or 0x13 or 0x1e)
            {
                found.Add("generic type instantiation (TypeSpec " + row + ", " + Describe(metadata, spec) + ")");
            }
        }

        for (var row = 1; row <= metadata.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            var spec = metadata.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
            found.Add("generic method instantiation of " + OwnerName(metadata, spec.Method));
        }

        return found;
    }

    private static string ExclusionNote(string message)
    {
        foreach (var (_, id) in PinnedListing.Exclusions)
        {
            var name = id[(id.LastIndexOf('.') + 1)..];
            if (message.Contains("'" + name + "'", StringComparison.Ordinal))
            {
                return " (" + id + " is excluded from the pinned listing: nanoframework-api/excluded.tsv says why)";
            }
        }

        return string.Empty;
    }

    /// <summary>Returns a project's LangVersion (9.0 when the project sets none).</summary>
    public static LanguageVersion LanguageVersionOf(string relativeProject)
    {
        var value = XDocument.Load(Path.Combine(RepositoryFiles.Root, relativeProject)).Descendants()
            .FirstOrDefault(e => e.Name.LocalName == "LangVersion")?.Value ?? "9.0";
        return LanguageVersionFacts.TryParse(value, out var version) ? version : throw new InvalidDataException(relativeProject + ": LangVersion " + value);
    }

    private static string Describe(MetadataReader metadata, TypeSpecification spec)
    {
        var reader = metadata.GetBlobReader(spec.Signature);
        if (reader.ReadByte() != 0x15)
        {
            return "type parameter";
        }

        reader.ReadByte(); // CLASS or VALUETYPE
        var generic = reader.ReadTypeHandle();
        return OwnerName(metadata, generic);
    }

    private static string OwnerName(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        HandleKind.TypeReference => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.MethodDefinition => MethodName(metadata, (MethodDefinitionHandle)handle),
        HandleKind.MemberReference => metadata.GetString(metadata.GetMemberReference((MemberReferenceHandle)handle).Name),
        _ => handle.Kind.ToString(),
    };

    private static string MethodName(MetadataReader metadata, MethodDefinitionHandle handle)
    {
        var method = metadata.GetMethodDefinition(handle);
        return metadata.GetString(metadata.GetTypeDefinition(method.GetDeclaringType()).Name) + "." + metadata.GetString(method.Name);
    }
}
