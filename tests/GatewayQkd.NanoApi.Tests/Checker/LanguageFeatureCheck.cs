using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Rejects C# features the nanoFramework 1.x toolchain and runtime cannot take (generics only in the 2.0 preview:
/// nanoframework/nf-interpreter README-GENERICS.md; the rest: nanoframework/CoreLibrary's API, checked by this project):
/// generics (the metadata processor fails, NFMDP 0x81010009), LINQ, async/await, dynamic, tuples, records, Span,
/// stackalloc, ranges and indices, nullable types and annotations (System.Nullable`1 is generic), default interface
/// methods, iterators (the compiler makes them implement IEnumerator`1), unsafe code, and every feature newer than
/// C# 7.3 (the firmware's language version: `is not`, switch expressions, recursive/relational patterns, using
/// declarations), plus interpolation format specifiers nanoFramework does not implement (only D, F, G, N, X).
/// </summary>
internal static partial class LanguageFeatureCheck
{
    /// <summary>The firmware's language version (firmware/Core.Net and the .nfproj files use 7.3).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp7_3, DocumentationMode.Parse);

    /// <summary>Returns a violation per unsupported feature in a tree parsed with <see cref="ParseOptions"/>.</summary>
    public static IEnumerable<Violation> Check(SyntaxTree tree, string file)
    {
        foreach (var diagnostic in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            yield return new Violation(file, LineOf(diagnostic.Location), "language-version", diagnostic.Id + " " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var node in tree.GetRoot().DescendantNodesAndSelf(descendIntoTrivia: true))
        {
            var problem = Problem(node);
            if (problem is not null)
            {
                yield return new Violation(file, LineOf(node.GetLocation()), "language-feature", problem);
            }
        }
    }

    private static string? Problem(SyntaxNode node) => node switch
    {
        GenericNameSyntax generic => "generic type or method '" + generic + "': nanoFramework 1.x has no generics",
        TypeParameterListSyntax => "generic declaration '" + node.Parent?.ToString().Split('\n')[0].Trim() + "': nanoFramework 1.x has no generics",
        QueryExpressionSyntax => "LINQ query expression: no LINQ on nanoFramework",
        UsingDirectiveSyntax { Name: { } name } when name.ToString().StartsWith("System.Linq", StringComparison.Ordinal) => "using System.Linq: no LINQ on nanoFramework",
        AwaitExpressionSyntax => "await: no async/await or Task on nanoFramework",
        MemberDeclarationSyntax member when HasModifier(member, SyntaxKind.AsyncKeyword) => "async method: no async/await or Task on nanoFramework",
        AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) => "async lambda: no async/await on nanoFramework",
        IdentifierNameSyntax { Identifier.Text: "dynamic" } when SyntaxFacts.IsInTypeOnlyContext((ExpressionSyntax)node) || node.Parent is VariableDeclarationSyntax => "dynamic: no dynamic binding on nanoFramework",
        IdentifierNameSyntax { Identifier.Text: "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" } => "'" + node + "': no Span<T> on nanoFramework 1.x (use SpanByte or arrays)",
        TupleTypeSyntax or TupleExpressionSyntax or ParenthesizedVariableDesignationSyntax => "tuple '" + node + "': no System.ValueTuple on nanoFramework",
        RecordDeclarationSyntax => "record: not supported (C# 9, needs IsExternalInit and generated members)",
        StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax => "stackalloc: not supported on nanoFramework",
        RangeExpressionSyntax => "range '" + node + "': no System.Range on nanoFramework",
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.IndexExpression } => "index '" + node + "': no System.Index on nanoFramework",
        NullableTypeSyntax => "nullable type '" + node + "': System.Nullable`1 is generic and not in nanoFramework 1.x",
        NullableDirectiveTriviaSyntax => "#nullable: nullable annotations are off in the firmware (C# 7.3)",
        BaseMethodDeclarationSyntax method when method.Parent is InterfaceDeclarationSyntax && (method.Body is not null || method.ExpressionBody is not null) => "default interface method: not supported (C# 8, needs runtime support)",
        UnaryPatternSyntax => "'is not' pattern: C# 9, the firmware is C# 7.3",
        SwitchExpressionSyntax => "switch expression: C# 8, the firmware is C# 7.3",
        RecursivePatternSyntax or RelationalPatternSyntax or BinaryPatternSyntax or ListPatternSyntax => "pattern '" + node + "': C# 8+, the firmware is C# 7.3",
        YieldStatementSyntax => "iterator (yield): the compiler makes the iterator implement IEnumerator`1, a generic type nanoFramework 1.x lacks",
        UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax => "unsafe code: not supported by the nanoFramework interpreter",
        MemberDeclarationSyntax member when HasModifier(member, SyntaxKind.UnsafeKeyword) => "unsafe code: not supported by the nanoFramework interpreter",
        InterpolationFormatClauseSyntax format when !SupportedFormat().IsMatch(format.FormatStringToken.ValueText) =>
            "format specifier ':" + format.FormatStringToken.ValueText + "': nanoFramework formats only D, F, G, N and X (with optional digits)",
        _ => null,
    };

    private static bool HasModifier(MemberDeclarationSyntax member, SyntaxKind kind) => member.Modifiers.Any(m => m.IsKind(kind));

    private static int LineOf(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;

    [GeneratedRegex("^[DdFfGgNnXx][0-9]{0,2}$")]
    private static partial Regex SupportedFormat();
}
