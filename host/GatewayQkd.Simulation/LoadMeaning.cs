namespace GatewayQkd.Simulation;

/// <summary>
/// What a higher L_req changes. Eq. (4) defines L_req = lambda t_slot (a rate); s4.2.1 also says "An increase in
/// L_req means that K_qua increases". Both readings are selectable.
/// </summary>
public enum LoadMeaning
{
    /// <summary>L_req sets only the arrival rate lambda = L_req / t_slot (eq. (4)); K_qua keeps its distribution (default).</summary>
    Rate,

    /// <summary>
    /// L_req sets the rate and scales every K_qua by L_req (relative to one request per slot), rounded up to whole
    /// bytes and limited to the pool capacity: twice the load means twice the requests of twice the size.
    /// </summary>
    RateAndKeyQuantity,
}
