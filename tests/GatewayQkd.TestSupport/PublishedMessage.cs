namespace GatewayQkd.TestSupport;

/// <summary>One message published on a <see cref="LoopbackMessageBus"/>: who sent it, where, and the bytes.</summary>
public sealed record PublishedMessage(string Sender, string Topic, byte[] Payload);
