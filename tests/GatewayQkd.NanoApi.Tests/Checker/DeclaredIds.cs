using Microsoft.CodeAnalysis;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// The documentation-comment IDs an assembly declares publicly, in the listings' form: public and protected types and
/// members, without accessors, event adders and the compiler-made members of delegates (the listings' README).
/// </summary>
internal static class DeclaredIds
{
    /// <summary>Returns the IDs an assembly symbol declares.</summary>
    public static List<string> Of(IAssemblySymbol assembly)
    {
        var ids = new List<string>();
        Collect(assembly.GlobalNamespace, ids);
        return ids;
    }

    private static void Collect(INamespaceOrTypeSymbol container, List<string> ids)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, ids);
                continue;
            }

            if (member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected) || (member.IsImplicitlyDeclared && member is not IMethodSymbol { MethodKind: MethodKind.DelegateInvoke }))
            {
                continue;
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove } ||
                (member is IMethodSymbol { MethodKind: MethodKind.Constructor } && member.ContainingType.TypeKind == TypeKind.Delegate) ||
                (member is IMethodSymbol { Name: "BeginInvoke" or "EndInvoke" } && member.ContainingType.TypeKind == TypeKind.Delegate))
            {
                continue;
            }

            var id = member.GetDocumentationCommentId();
            if (id is not null)
            {
                ids.Add(id);
            }

            if (member is INamedTypeSymbol type)
            {
                Collect(type, ids);
            }
        }
    }
}
