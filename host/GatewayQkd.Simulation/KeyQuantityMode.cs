namespace GatewayQkd.Simulation;

/// <summary>How a request's K_qua relates to its K_sec.</summary>
public enum KeyQuantityMode
{
    /// <summary>K_qua is the key length of K_sec (128 &lt;&lt; (K_sec - 1) bits): the paper's s4 reading (default).</summary>
    Level,

    /// <summary>K_qua is drawn from the five key lengths independently of K_sec.</summary>
    Independent,
}
