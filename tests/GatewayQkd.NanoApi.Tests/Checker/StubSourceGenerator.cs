using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Writes C# reference stubs for every type and member in the API listings: each declaration with the kind, base
/// types, modifiers, return type and parameter list members.tsv and base-types.tsv give, bodies `throw null`. Firmware
/// code compiled against these stubs (instead of .NET) binds exactly the overloads nanoFramework has, so a call that
/// does not exist with that signature on nanoFramework is a compile error.
/// </summary>
/// <remarks>
/// The stubs are one corlib-like assembly (it declares System.Object). Explicit interface implementations, internal
/// members and private fields are not in the listings, so the stub compilation itself has errors (unimplemented
/// interface members, missing base constructors); it is used as a compilation reference, which only needs declarations.
/// Enum underlying types are not listed: enums are declared as int unless a value needs more.
/// </remarks>
internal static partial class StubSourceGenerator
{
    private static readonly Dictionary<string, string> OperatorTokens = new(StringComparer.Ordinal)
    {
        ["op_Addition"] = "+", ["op_Subtraction"] = "-", ["op_Multiply"] = "*", ["op_Division"] = "/",
        ["op_Modulus"] = "%", ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<",
        ["op_GreaterThan"] = ">", ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=",
        ["op_UnaryNegation"] = "-", ["op_UnaryPlus"] = "+", ["op_LogicalNot"] = "!", ["op_OnesComplement"] = "~",
        ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|", ["op_ExclusiveOr"] = "^", ["op_LeftShift"] = "<<",
        ["op_RightShift"] = ">>", ["op_Increment"] = "++", ["op_Decrement"] = "--", ["op_True"] = "true",
        ["op_False"] = "false",
    };

    /// <summary>Returns the stub source for the whole listing.</summary>
    public static string Generate(ApiListing listing)
    {
        var membersByType = listing.Members
            .GroupBy(m => m.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToLookup(m => m.DeclaringType, StringComparer.Ordinal);
        var nested = listing.Types.Keys
            .Select(id => (Id: id, Container: ContainerOf(listing, id)))
            .Where(t => t.Container is not null)
            .ToLookup(t => t.Container!, t => t.Id, StringComparer.Ordinal);
        var topLevel = listing.Types.Keys.Where(id => ContainerOf(listing, id) is null).ToList();
        var namespaces = topLevel.Select(NamespaceOf).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

        var source = new StringBuilder();
        source.AppendLine("#pragma warning disable");
        foreach (var ns in namespaces)
        {
            source.Append("using ").Append(ns).AppendLine(";");
        }

        foreach (var ns in namespaces)
        {
            source.Append("namespace ").AppendLine(ns).AppendLine("{");
            foreach (var id in topLevel.Where(t => NamespaceOf(t) == ns).OrderBy(t => t, StringComparer.Ordinal))
            {
                WriteType(source, listing, id, membersByType, nested);
            }

            source.AppendLine("}");
        }

        return source.ToString();
    }

    private static void WriteType(
        StringBuilder source,
        ApiListing listing,
        string id,
        ILookup<string, ListedMember> membersByType,
        ILookup<string, string> nested)
    {
        var type = listing.Types[id];
        var name = SimpleName(id, out var arity);
        var typeParameters = arity == 0 ? string.Empty : "<" + string.Join(", ", Enumerable.Range(0, arity).Select(i => "T" + i)) + ">";
        var members = membersByType[id].OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (type.Kind == "delegate")
        {
            var invoke = members.First(m => m.Name == "Invoke");
            source.Append("public delegate ").Append(IdTypeName.ToCSharp(invoke.Type)).Append(' ').Append(name).Append(typeParameters)
                .Append(Parameters(invoke.Signature)).AppendLine(";");
            return;
        }

        var keyword = type.Kind switch
        {
            "struct" => "struct",
            "enum" => "enum",
            "interface" => "interface",
            _ => type.Kind,
        };
        var bases = new List<string>();
        if (type.Kind.EndsWith("class", StringComparison.Ordinal) && type.BaseType is not null && type.BaseType != "System.Object")
        {
            bases.Add(IdTypeName.ToCSharp(type.BaseType));
        }

        if (type.Kind == "enum")
        {
            bases.Add(EnumUnderlyingType(members));
        }
        else
        {
            bases.AddRange(type.Interfaces.Select(IdTypeName.ToCSharp));
        }

        source.Append("public ").Append(keyword).Append(' ').Append(name).Append(typeParameters);
        if (bases.Count > 0)
        {
            source.Append(" : ").Append(string.Join(", ", bases));
        }

        source.AppendLine().AppendLine("{");
        foreach (var member in members)
        {
            WriteMember(source, type, name, member);
        }

        foreach (var child in nested[id].OrderBy(c => c, StringComparer.Ordinal))
        {
            WriteType(source, listing, child, membersByType, nested);
        }

        source.AppendLine("}");
    }

    private static void WriteMember(StringBuilder source, ListedType type, string typeName, ListedMember member)
    {
        var inInterface = type.Kind == "interface";
        if (type.Kind == "enum")
        {
            if (member.Kind == 'F')
            {
                source.Append('@').Append(member.Name).Append(" = ").Append(ConstantValue(member.Value)).AppendLine(",");
            }

            return;
        }

        var abstractMember = inInterface || member.Has("abstract");
        var head = inInterface ? string.Empty : member.Access + " " + Modifiers(member, type);
        var body = abstractMember ? ";" : " { throw null; }";
        switch (member.Kind)
        {
            case 'F':
                source.Append(head).Append(IdTypeName.ToCSharp(member.Type)).Append(" @").Append(member.Name);
                if (member.Has("const"))
                {
                    source.Append(" = ").Append(ConstantValue(member.Value));
                }

                source.AppendLine(";");
                break;
            case 'E':
                source.Append(head).Append("event ").Append(IdTypeName.ToCSharp(member.Type)).Append(" @").Append(member.Name).AppendLine(";");
                break;
            case 'P':
                WriteProperty(source, head, member, abstractMember);
                break;
            default:
                WriteMethod(source, head, typeName, member, body);
                break;
        }
    }

    private static void WriteProperty(StringBuilder source, string head, ListedMember member, bool abstractMember)
    {
        var accessors = member.Accessors.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var indexer = member.Signature.StartsWith('[');
        if (indexer && member.Name != "Item")
        {
            source.Append("[global::System.Runtime.CompilerServices.IndexerName(\"").Append(member.Name).Append("\")] ");
        }

        source.Append(head).Append(IdTypeName.ToCSharp(member.Type)).Append(' ');
        source.Append(indexer ? "this[" + ParameterList(member.Signature[1..^1]) + "]" : "@" + member.Name);
        source.Append(" {");
        foreach (var accessor in accessors)
        {
            var isGet = accessor.EndsWith("get", StringComparison.Ordinal);
            source.Append(' ').Append(accessor).Append(abstractMember ? ";" : isGet ? " { throw null; }" : " { }");
        }

        source.AppendLine(" }");
    }

    private static void WriteMethod(StringBuilder source, string head, string typeName, ListedMember member, string body)
    {
        var name = member.Name;
        var parameters = Parameters(member.Signature);
        if (name == "#ctor")
        {
            source.Append(head.Replace("virtual ", string.Empty, StringComparison.Ordinal)).Append(typeName).Append(parameters).AppendLine(" { }");
        }
        else if (name is "op_Implicit" or "op_Explicit")
        {
            source.Append(head).Append(name == "op_Implicit" ? "implicit" : "explicit").Append(" operator ")
                .Append(IdTypeName.ToCSharp(member.Type)).Append(parameters).AppendLine(body);
        }
        else if (OperatorTokens.TryGetValue(name, out var token))
        {
            source.Append(head).Append(IdTypeName.ToCSharp(member.Type)).Append(" operator ").Append(token).Append(parameters).AppendLine(body);
        }
        else
        {
            source.Append(head).Append(IdTypeName.ToCSharp(member.Type)).Append(" @").Append(name).Append(parameters).AppendLine(body);
        }
    }

    private static string Modifiers(ListedMember member, ListedType type)
    {
        var builder = new StringBuilder();
        foreach (var modifier in member.Modifiers)
        {
            if (modifier is "extern" or "implicit" || (type.Kind == "struct" && modifier is "virtual" or "abstract"))
            {
                continue;
            }

            builder.Append(modifier).Append(' ');
        }

        return builder.ToString();
    }

    private static string Parameters(string signature) =>
        "(" + ParameterList(signature.Length >= 2 ? signature[1..^1] : string.Empty) + ")";

    private static string ParameterList(string inner)
    {
        var parameters = new List<string>();
        foreach (var parameter in IdTypeName.SplitTopLevel(inner))
        {
            var defaultValue = string.Empty;
            var declaration = parameter;
            var equals = parameter.IndexOf(" = ", StringComparison.Ordinal);
            if (equals >= 0)
            {
                defaultValue = parameter[equals..];
                declaration = parameter[..equals];
            }

            var tokens = declaration.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var modifiers = tokens[..^2];
            parameters.Add(string.Join(' ', modifiers.Append(IdTypeName.ToCSharp(tokens[^2])).Append("@" + tokens[^1])) + defaultValue);
        }

        return string.Join(", ", parameters);
    }

    private static string ConstantValue(string value)
    {
        if (value.Length == 0)
        {
            return "default";
        }

        var match = WrittenAndComputed().Match(value);
        return match.Success ? match.Groups[1].Value : value;
    }

    private static string EnumUnderlyingType(IEnumerable<ListedMember> members)
    {
        var underlying = "global::System.Int32";
        foreach (var member in members)
        {
            var computed = WrittenAndComputed().Match(member.Value);
            if (member.Value.Contains("UInt64", StringComparison.Ordinal))
            {
                return "global::System.UInt64";
            }

            if (member.Value.Contains("UInt32", StringComparison.Ordinal) ||
                (computed.Success && long.Parse(computed.Groups[2].Value, CultureInfo.InvariantCulture) > int.MaxValue))
            {
                underlying = "global::System.UInt32";
            }
        }

        return underlying;
    }

    private static string? ContainerOf(ApiListing listing, string id)
    {
        var dot = id.LastIndexOf('.');
        return dot > 0 && listing.Types.ContainsKey(id[..dot]) ? id[..dot] : null;
    }

    private static string NamespaceOf(string topLevelId) => topLevelId[..topLevelId.LastIndexOf('.')];

    private static string SimpleName(string id, out int arity)
    {
        var name = id[(id.LastIndexOf('.') + 1)..];
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        arity = tick < 0 ? 0 : int.Parse(name[(tick + 1)..], CultureInfo.InvariantCulture);
        return tick < 0 ? name : name[..tick];
    }

    [GeneratedRegex(@"^(.+) \((-?[0-9]+)\)$")]
    private static partial Regex WrittenAndComputed();
}
