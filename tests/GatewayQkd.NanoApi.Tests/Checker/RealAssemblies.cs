using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// The real nanoFramework assemblies the tests can have: mscorlib.dll and mscorlib.pe from the nanoFramework.CoreLibrary
/// NuGet package the test project restores (the version firmware/pairing/nanoframework-pairing.tsv pins; the other
/// nanoFramework packages are not served to this project's machines, so they are represented by stubs).
/// </summary>
internal static class RealAssemblies
{
    private static readonly Lazy<MetadataReference> MscorlibReference = new(() => MetadataReference.CreateFromFile(MscorlibPath));
    private static readonly Lazy<HashSet<string>> MscorlibIdSet = new(() =>
    {
        var probe = CSharpCompilation.Create("probe", [], [Mscorlib]);
        var assembly = (IAssemblySymbol)probe.GetAssemblyOrModuleSymbol(Mscorlib)!;
        return DeclaredIds.Of(assembly).ToHashSet(StringComparer.Ordinal);
    });

    /// <summary>Gets the path of the real mscorlib.dll (copied beside the tests from the restored package).</summary>
    public static string MscorlibPath => Path.Combine(AppContext.BaseDirectory, "real-assemblies", "mscorlib.dll");

    /// <summary>Gets the path of the real mscorlib.pe: the image nanoff deploys, with the header the nanoCLR checks.</summary>
    public static string MscorlibPePath => Path.Combine(AppContext.BaseDirectory, "real-assemblies", "mscorlib.pe");

    /// <summary>Gets a compilation reference to the real mscorlib.dll.</summary>
    public static MetadataReference Mscorlib => MscorlibReference.Value;

    /// <summary>Gets the documentation-comment IDs the real mscorlib declares publicly.</summary>
    public static IReadOnlySet<string> MscorlibIds => MscorlibIdSet.Value;

    /// <summary>
    /// Reads the nanoCLR assembly header of a .pe file: CLR_RECORD_ASSEMBLY in nanoframework/nf-interpreter
    /// src/CLR/Include/nanoCLR_Types.h:981-994 (marker[8], headerCRC, assemblyCRC, flags, nativeMethodsChecksum,
    /// patchEntryOffset, version as four UInt16), little-endian.
    /// </summary>
    public static (string Marker, uint NativeMethodsChecksum, Version Version) ReadPeHeader(string pePath)
    {
        var bytes = File.ReadAllBytes(pePath);
        var marker = System.Text.Encoding.ASCII.GetString(bytes, 0, 8).TrimEnd('\0');
        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20));
        var version = new Version(
            BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28)),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(30)),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        return (marker, checksum, version);
    }

    /// <summary>Returns the string argument of the assembly's AssemblyNativeVersionAttribute, or null when it has none.</summary>
    public static string? ReadNativeVersion(string dllPath)
    {
        using var stream = File.OpenRead(dllPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (AttributeName(metadata, attribute) != "AssemblyNativeVersionAttribute")
            {
                continue;
            }

            // Custom attribute blob: prolog 0x0001, then the SerString argument (ECMA-335 II.23.3).
            var blob = metadata.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            return blob.ReadSerializedString();
        }

        return null;
    }

    private static string AttributeName(MetadataReader metadata, CustomAttribute attribute)
    {
        var constructor = attribute.Constructor;
        return constructor.Kind switch
        {
            HandleKind.MemberReference => TypeName(metadata, metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent),
            HandleKind.MethodDefinition => metadata.GetString(metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()).Name),
            _ => string.Empty,
        };
    }

    private static string TypeName(MetadataReader metadata, EntityHandle type) => type.Kind switch
    {
        HandleKind.TypeReference => metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)type).Name),
        HandleKind.TypeDefinition => metadata.GetString(metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
        _ => string.Empty,
    };
}
