namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// One use of a symbol defined outside the firmware sources: its documentation-comment ID, where it is used, and the
/// static type it was reached through (for members inherited on nanoFramework from a different base than on .NET).
/// </summary>
/// <remarks><see cref="Node"/> is the syntax that uses it (null for uses the check adds itself, such as lowered members).</remarks>
internal sealed record ApiUse(string File, int Line, string Id, string? ReceiverTypeId, string How, Microsoft.CodeAnalysis.SyntaxNode? Node = null);
