namespace GatewayQkd.BoardTwin.Tests.Support;

/// <summary>
/// One collection for every test here: the stand-ins share one board (TwinBoard is per process, like a board), and
/// twin processes are kept one at a time on CI's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BoardCollection
{
    public const string Name = "board twin";
}
