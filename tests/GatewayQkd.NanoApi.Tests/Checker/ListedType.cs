namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>One row of base-types.tsv: a listed type, its kind and direct base types.</summary>
internal sealed record ListedType(string Package, string Id, string Kind, string? BaseType, IReadOnlyList<string> Interfaces);
