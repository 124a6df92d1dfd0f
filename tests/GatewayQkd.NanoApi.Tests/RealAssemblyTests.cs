using GatewayQkd.NanoApi.Tests.Checker;
using Microsoft.CodeAnalysis;

namespace GatewayQkd.NanoApi.Tests;

/// <summary>
/// Every firmware project compiles against the real nanoFramework mscorlib 1.17.11 (and stubs of its other pinned
/// packages compiled against that same mscorlib), and the emitted assemblies hold no generics; code outside the
/// pinned API fails.
/// </summary>
public class RealAssemblyTests
{
    private static readonly Lazy<MetadataReference> CoreImage = new(() =>
    {
        var (errors, image) = RealAssemblyCompiler.Compile(FirmwareProjects.Core, []);
        Assert.True(image is not null, "firmware/Core does not compile against the real mscorlib:\n" + string.Join("\n", errors));
        return MetadataReference.CreateFromImage(image!);
    });

    public static TheoryData<string> Projects() => new(FirmwareProjects.All.Select(p => p.Project));

    [Fact]
    public void Package_Stubs_Resolve_Every_Type_They_Use_In_The_Real_Mscorlib()
    {
        var packages = FirmwarePairing.Packages.Select(p => p.Package);

        var unresolved = RealAssemblyCompiler.Stubs(packages).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id is "CS0246" or "CS0234" or "CS0012" or "CS0518" or "CS0400")
            .Select(d => d.ToString())
            .ToList();

        Assert.True(unresolved.Count == 0, "The listings use types the real mscorlib lacks:\n" + string.Join("\n", unresolved.Take(30)));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_Compiles_Against_The_Real_Mscorlib(string project)
    {
        var (errors, image) = Compile(project, edit: null);

        Assert.True(errors.Count == 0 && image is not null, project + " does not compile against the real mscorlib:\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Emitted_Assembly_Has_No_Generic_Parameters_Or_Instantiations(string project)
    {
        var (_, image) = Compile(project, edit: null);
        Assert.NotNull(image);

        var generics = RealAssemblyCompiler.GenericsIn(image);

        Assert.True(generics.Count == 0, project + " emits generics nanoFramework 1.x cannot load:\n" + string.Join("\n", generics));
    }

    [Fact]
    public void Mscorlib_Listing_Is_Cut_To_The_Real_Assembly()
    {
        var copied = ApiListing.Copied.Ids.Where(id => ApiListing.Copied.PackagesOf(id).Contains("nanoFramework.CoreLibrary")).ToList();

        var dropped = copied.Where(id => !ApiListing.Default.PackagesOf(id).Contains("nanoFramework.CoreLibrary")).ToList();

        Assert.All(dropped, id => Assert.DoesNotContain(id, RealAssemblies.MscorlibIds));
        Assert.All(copied.Except(dropped), id => Assert.Contains(id, RealAssemblies.MscorlibIds));
    }

    [Fact]
    public void A_Generic_List_In_A_Core_File_Fails_The_Real_Compile()
    {
        var (errors, _) = Compile(FirmwareProjects.Core.Project, AppendTo("firmware/Core/Crypto/Bytes.cs", "return new System.Collections.Generic.List<int>();"));

        Assert.Contains(errors, e => e.File == "firmware/Core/Crypto/Bytes.cs" && e.Message.Contains("Generic", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Generic_Type_Declared_In_A_Core_File_Fails_The_Generics_Check()
    {
        const string Generic = "\nnamespace GatewayQkd.Core.Mutation\n{\n    internal sealed class Box<T>\n    {\n        internal T Value;\n    }\n}\n";
        var (_, image) = Compile(FirmwareProjects.Core.Project, path => path == "firmware/Core/Crypto/Bytes.cs" ? File.ReadAllText(Path.Combine(RepositoryFiles.Root, path)) + Generic : null);
        Assert.NotNull(image);

        Assert.Contains(RealAssemblyCompiler.GenericsIn(image), g => g.Contains("Box", StringComparison.Ordinal));
    }

    [Fact]
    public void Hmac_Sha512_In_A_Device_File_Fails_The_Real_Compile()
    {
        var file = RepositoryFiles.CompileItems(FirmwareProjects.Device.Project).First(p => p.EndsWith("/Program.cs", StringComparison.Ordinal));

        var (errors, _) = Compile(FirmwareProjects.Device.Project, AppendTo(file, "return System.Security.Cryptography.HMACSHA512.HashData(new byte[16], new byte[1]);"));

        Assert.Contains(errors, e => e.File == file && e.Message.Contains("HMACSHA512", StringComparison.Ordinal));
    }

    private static Func<string, string?> AppendTo(string file, string body) => path =>
        path != file
            ? null
            : File.ReadAllText(Path.Combine(RepositoryFiles.Root, path)) +
              "\nnamespace GatewayQkd.Mutation\n{\n    internal static class Mutant\n    {\n        internal static object Make()\n        {\n            " + body + "\n        }\n    }\n}\n";

    private static (List<Violation> Errors, byte[]? Image) Compile(string project, Func<string, string?>? edit)
    {
        var firmwareProject = FirmwareProjects.All.Single(p => p.Project == project);
        return RealAssemblyCompiler.Compile(firmwareProject, firmwareProject.UsesCore ? [CoreImage.Value] : [], edit);
    }
}
