using GatewayQkd.Emulation.Links;

namespace GatewayQkd.Emulation.Hap;

/// <summary>The HAP as the run sees it: shares link time among the gateways each step and relays their keys.</summary>
public interface IHap
{
    /// <summary>Gets the number of supplement requests waiting.</summary>
    int PendingSupplements { get; }

    /// <summary>Advances the HAP to <paramref name="emulatedSeconds"/>; returns the number of blocks issued.</summary>
    int Step(double emulatedSeconds);

    /// <summary>Returns the link condition and the share of link time of a gateway in the last step.</summary>
    (LinkCondition Condition, double Share) LastLink(ushort gatewayId);

    /// <summary>Returns the link time (emulated seconds) spent on a gateway's link since the start.</summary>
    double LinkSeconds(ushort gatewayId);
}
