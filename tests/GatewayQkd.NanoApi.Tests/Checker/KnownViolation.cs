namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>One line of known-violations.txt: the file, the ID or text the violation names, its owner and the fix.</summary>
internal sealed record KnownViolation(string File, string What, string Owner, string Why);
