using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>An accepted supplement request, handed to the HAP.</summary>
public sealed class SupplementReceivedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public SupplementReceivedEventArgs(ushort gatewayId, uint counter, SupplementMessage message)
    {
        GatewayId = gatewayId;
        Counter = counter;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>Gets the gateway that asked.</summary>
    public ushort GatewayId { get; }

    /// <summary>Gets the frame counter of the request (its order among the gateway's frames).</summary>
    public uint Counter { get; }

    /// <summary>Gets the request.</summary>
    public SupplementMessage Message { get; }
}
