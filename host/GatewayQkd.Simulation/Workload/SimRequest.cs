namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// A key request as the simulator carries it: a value type (no allocation per request), arrival time in ticks of
/// <see cref="SimulationTime"/>. Same fields as the core's <see cref="GatewayQkd.Core.Scheduling.KeyRequest"/>.
/// </summary>
public readonly record struct SimRequest(long ArrivalTicks, int KQuaBits, int KSec, int SourceGateway, int DestinationGateway, int SensorId, long RequestId);
