using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>One evaluated point: its series label, swept value, the link (GN 1's downlink in network mode) and the network.</summary>
public sealed record ChannelRow(string Series, double X, LinkReport Link, NetworkReport? Network);
