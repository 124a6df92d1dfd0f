namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>One row of members.tsv: a listed member's ID and the details an ID leaves out (see the listings' README).</summary>
internal sealed record ListedMember(
    string Package,
    string Id,
    string Access,
    IReadOnlyList<string> Modifiers,
    string Type,
    string Signature,
    string Accessors,
    string Value)
{
    /// <summary>Gets the ID's prefix letter: M, P, F or E.</summary>
    public char Kind => Id[0];

    /// <summary>Gets the containing type's ID (without "T:").</summary>
    public string DeclaringType => ApiListing.DeclaringTypeOf(Id);

    /// <summary>Gets the member's name as written in the ID (#ctor, op_Addition, Item ...).</summary>
    public string Name => ApiListing.MemberNameOf(Id);

    /// <summary>Returns true when the modifiers column holds this modifier.</summary>
    public bool Has(string modifier) => Modifiers.Contains(modifier);
}
