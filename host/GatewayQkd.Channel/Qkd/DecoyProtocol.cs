namespace GatewayQkd.Channel.Qkd;

/// <summary>How the single-photon yield and error are estimated in decoy-state BB84.</summary>
public enum DecoyProtocol
{
    /// <summary>Infinitely many decoys: Y1 and e1 known exactly (Lo, Ma, Chen, PRL 94, 230504, 2005).</summary>
    InfiniteDecoy,

    /// <summary>Vacuum + one weak decoy nu &lt; mu: lower bound Y1_L and upper bound e1_U (Ma et al., PRA 72, 012326, 2005).</summary>
    VacuumWeakDecoy,
}
