using Microsoft.CodeAnalysis;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// What counts as the firmware's own code in a compilation: its sources and the firmware libraries it references
/// (the core, compiled from source by <see cref="NanoApiChecker.CompileLibrary"/>); everything else is the platform
/// (the nanoFramework stubs, or .NET) and must be listed.
/// </summary>
internal sealed class OwnCode(Compilation compilation)
{
    private readonly IAssemblySymbol _assembly = compilation.Assembly;

    /// <summary>Returns true when the symbol is declared in the compilation or in a firmware library it references.</summary>
    public bool Contains(ISymbol symbol)
    {
        var assembly = symbol.ContainingAssembly;
        return SymbolEqualityComparer.Default.Equals(assembly, _assembly) ||
               (assembly is not null && NanoApiChecker.IsFirmwareLibrary(assembly.Name));
    }
}
