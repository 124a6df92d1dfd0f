using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Lists every symbol from outside the compilation's own sources that a syntax tree uses: named types, methods
/// (constructors, operators, user-defined conversions, attribute constructors), properties, fields and events, plus
/// the members the compiler calls implicitly: foreach (GetEnumerator, MoveNext, Current, Dispose), lock
/// (Monitor.Enter/Exit), using (IDisposable.Dispose), collection initializers (Add), string interpolation and
/// concatenation (String.Format/Concat), field-like events (Delegate.Combine/Remove), implicit base constructors and
/// overridden members.
/// </summary>
internal static class ApiUseCollector
{
    /// <summary>The method nanoFramework's compiler lowers `lock` to: Monitor.Enter(object, ref bool) is not listed.</summary>
    private static readonly string[] LockMembers = ["M:System.Threading.Monitor.Enter(System.Object)", "M:System.Threading.Monitor.Exit(System.Object)"];

    /// <summary>Returns the uses in one tree of a compilation.</summary>
    public static List<ApiUse> Collect(Compilation compilation, SyntaxTree tree, string file)
    {
        var model = compilation.GetSemanticModel(tree);
        var uses = new List<ApiUse>();
        var own = compilation.Assembly;

        void AddId(SyntaxNode node, string id, string how, ITypeSymbol? receiver = null) =>
            uses.Add(new ApiUse(file, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, id, TypeId(receiver, own), how, node));

        void AddSymbol(SyntaxNode node, ISymbol? symbol, string how, ITypeSymbol? receiver = null)
        {
            foreach (var (id, what) in Ids(symbol, own))
            {
                AddId(node, id, how + what, receiver);
            }
        }

        foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
        {
            switch (node)
            {
                case ExpressionSyntax or AttributeSyntax or ConstructorInitializerSyntax:
                    AddSymbol(node, model.GetSymbolInfo(node).Symbol, string.Empty, ReceiverOf(model, node));
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or MemberDeclarationSyntax:
                    AddDeclared(model, node, own, AddSymbol, AddId);
                    break;
            }

            if (node is ExpressionSyntax expression)
            {
                var typeInfo = model.GetTypeInfo(expression);
                AddSymbol(node, typeInfo.Type, "type of expression ");
                AddSymbol(node, typeInfo.ConvertedType, "converted type ");
                var conversion = model.GetConversion(expression);
                if (conversion.IsUserDefined)
                {
                    AddSymbol(node, conversion.MethodSymbol, "implicit conversion ");
                }
            }

            AddImplicit(model, node, AddSymbol, AddId);
        }

        return uses;
    }

    private static void AddImplicit(
        SemanticModel model,
        SyntaxNode node,
        Action<SyntaxNode, ISymbol?, string, ITypeSymbol?> addSymbol,
        Action<SyntaxNode, string, string, ITypeSymbol?> addId)
    {
        switch (node)
        {
            case CommonForEachStatementSyntax forEach:
                var collectionType = model.GetTypeInfo(forEach.Expression).Type;
                if (collectionType is IArrayTypeSymbol || collectionType?.SpecialType == SpecialType.System_String)
                {
                    break; // lowered to an indexed loop, no enumerator
                }

                var info = model.GetForEachStatementInfo(forEach);
                addSymbol(node, info.GetEnumeratorMethod, "foreach ", collectionType);
                addSymbol(node, info.MoveNextMethod, "foreach ", null);
                addSymbol(node, info.CurrentProperty, "foreach ", null);
                addId(node, "M:System.IDisposable.Dispose", "foreach disposes the enumerator", null);
                break;
            case LockStatementSyntax:
                foreach (var id in LockMembers)
                {
                    addId(node, id, "lock statement", null);
                }

                break;
            case UsingStatementSyntax:
                addId(node, "M:System.IDisposable.Dispose", "using statement", null);
                break;
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } initializer:
                foreach (var element in initializer.Expressions)
                {
                    addSymbol(element, model.GetCollectionInitializerSymbolInfo(element).Symbol, "collection initializer ", null);
                }

                break;
            case InterpolatedStringExpressionSyntax interpolated:
                addId(node, InterpolationLowering(model, interpolated), "string interpolation", null);
                break;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add
                when model.GetTypeInfo(add).Type?.SpecialType == SpecialType.System_String:
                addId(node, "M:System.String.Concat(System.String,System.String)", "string concatenation", null);
                break;
        }
    }

    /// <summary>
    /// The member an interpolated string lowers to when only nanoFramework's String overloads exist (C# 7.3 rules):
    /// all-string holes without format or alignment become String.Concat (up to four parts, else the array
    /// overload); anything else becomes String.Format(string, object[]).
    /// </summary>
    private static string InterpolationLowering(SemanticModel model, InterpolatedStringExpressionSyntax interpolated)
    {
        var holes = interpolated.Contents.OfType<InterpolationSyntax>().ToList();
        var allStrings = holes.All(h => h.FormatClause is null && h.AlignmentClause is null &&
                                        model.GetTypeInfo(h.Expression).Type?.SpecialType == SpecialType.System_String);
        if (!allStrings)
        {
            return "M:System.String.Format(System.String,System.Object[])";
        }

        var parts = interpolated.Contents.Count;
        return parts is >= 2 and <= 4
            ? "M:System.String.Concat(" + string.Join(",", Enumerable.Repeat("System.String", parts)) + ")"
            : "M:System.String.Concat(System.String[])";
    }

    private static void AddDeclared(
        SemanticModel model,
        SyntaxNode node,
        IAssemblySymbol own,
        Action<SyntaxNode, ISymbol?, string, ITypeSymbol?> addSymbol,
        Action<SyntaxNode, string, string, ITypeSymbol?> addId)
    {
        if (node is EventFieldDeclarationSyntax)
        {
            addId(node, "M:System.Delegate.Combine(System.Delegate,System.Delegate)", "field-like event", null);
            addId(node, "M:System.Delegate.Remove(System.Delegate,System.Delegate)", "field-like event", null);
            return;
        }

        var declared = node is FieldDeclarationSyntax or EventFieldDeclarationSyntax ? null : model.GetDeclaredSymbol(node);
        switch (declared)
        {
            case INamedTypeSymbol { TypeKind: TypeKind.Class } type when !IsOwn(type.BaseType, own):
                addSymbol(node, type.BaseType, "base type ", null);
                foreach (var constructor in type.InstanceConstructors)
                {
                    var syntax = constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as ConstructorDeclarationSyntax;
                    if (syntax?.Initializer is null && type.BaseType is not null)
                    {
                        addId(syntax ?? node, "M:" + TypeId(type.BaseType, own) + ".#ctor", "implicit base constructor call", null);
                    }
                }

                break;
            case IMethodSymbol { OverriddenMethod: { } overridden }:
                addSymbol(node, overridden, "override of ", null);
                break;
            case IPropertySymbol { OverriddenProperty: { } overridden }:
                addSymbol(node, overridden, "override of ", null);
                break;
            case IEventSymbol { OverriddenEvent: { } overridden }:
                addSymbol(node, overridden, "override of ", null);
                break;
        }

        if (declared is INamedTypeSymbol named)
        {
            foreach (var item in named.Interfaces)
            {
                addSymbol(node, item, "interface ", null);
            }
        }
    }

    private static ITypeSymbol? ReceiverOf(SemanticModel model, SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => model.GetTypeInfo(access.Expression).Type,
        _ => null,
    };

    private static IEnumerable<(string Id, string What)> Ids(ISymbol? symbol, IAssemblySymbol own)
    {
        switch (symbol)
        {
            case null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol or IAliasSymbol:
                yield break;
            case IArrayTypeSymbol array:
                foreach (var id in Ids(array.ElementType, own))
                {
                    yield return id;
                }

                yield break;
            case IPointerTypeSymbol pointer:
                foreach (var id in Ids(pointer.PointedAtType, own))
                {
                    yield return id;
                }

                yield break;
            case ITypeParameterSymbol:
                yield break;
            case IDynamicTypeSymbol:
                yield return ("T:dynamic", "the dynamic type");
                yield break;
            case INamedTypeSymbol { IsTupleType: true } tuple:
                yield return (tuple.OriginalDefinition.GetDocumentationCommentId() ?? "T:System.ValueTuple", "a tuple type");
                yield break;
            case IMethodSymbol { MethodKind: MethodKind.BuiltinOperator or MethodKind.LambdaMethod or MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                yield break;
            case IMethodSymbol { MethodKind: MethodKind.Constructor } ctor when ctor.ContainingType.TypeKind == TypeKind.Delegate:
                yield break; // compiler-made delegate members are not listed
            case IMethodSymbol { AssociatedSymbol: { } associated } accessor
                when accessor.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove:
                foreach (var id in Ids(associated, own))
                {
                    yield return id;
                }

                yield break;
        }

        if (IsOwn(symbol, own) || symbol.Kind == SymbolKind.ErrorType)
        {
            yield break;
        }

        var definition = symbol is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : symbol;
        definition = definition.OriginalDefinition;
        var docId = definition.GetDocumentationCommentId();
        if (docId is not null)
        {
            yield return (docId, string.Empty);
        }

        if (symbol is INamedTypeSymbol { IsGenericType: true } generic)
        {
            foreach (var argument in generic.TypeArguments)
            {
                foreach (var id in Ids(argument, own))
                {
                    yield return id;
                }
            }
        }
        else if (symbol is IMethodSymbol { IsGenericMethod: true } genericMethod)
        {
            foreach (var argument in genericMethod.TypeArguments)
            {
                foreach (var id in Ids(argument, own))
                {
                    yield return id;
                }
            }
        }
    }

    private static bool IsOwn(ISymbol? symbol, IAssemblySymbol own) =>
        symbol is null || SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, own);

    private static string? TypeId(ITypeSymbol? type, IAssemblySymbol own)
    {
        if (type is not INamedTypeSymbol named || IsOwn(named, own))
        {
            return null;
        }

        return named.OriginalDefinition.GetDocumentationCommentId()?[2..];
    }
}
