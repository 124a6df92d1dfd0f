namespace GatewayQkd.Simulation.Engine;

/// <summary>An entry of an <see cref="OrderedRing{T}"/>: a value type that carries its <see cref="OrderKey"/>.</summary>
internal interface IOrdered
{
    OrderKey Key { get; }
}
