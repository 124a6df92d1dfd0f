namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>One finding of the nanoFramework API check: where (file:line), which rule, and what is wrong.</summary>
internal sealed record Violation(string File, int Line, string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => File + ":" + Line + ": [" + Rule + "] " + Message;
}
