using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Verifier;

/// <summary>One telemetry frame as it arrived: the topic's address and the payload.</summary>
/// <param name="Address">The parsed telemetry topic (gateway and sensor).</param>
/// <param name="Payload">The frame (header, ciphertext, tag; docs/protocol.md s7).</param>
public readonly record struct TelemetryFrame(TopicAddress Address, byte[] Payload);
