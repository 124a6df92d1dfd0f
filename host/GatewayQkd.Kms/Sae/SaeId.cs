using System.Globalization;

namespace GatewayQkd.Kms.Sae;

/// <summary>
/// SAE (secure application entity) naming: the central-server application is SAE "cs" (node 0) and the application
/// of gateway n is SAE "gn-n" (node n, 1..65535, decimal without leading zeros). Names are case-sensitive, like every
/// ETSI GS QKD 014 identifier. The KME serving an SAE is named "kme-" + the SAE id.
/// </summary>
public static class SaeId
{
    /// <summary>The central-server SAE.</summary>
    public const string CentralServer = "cs";

    private const string GatewayPrefix = "gn-";

    /// <summary>The SAE id of a node (0 = "cs", n = "gn-n").</summary>
    public static string ForNode(ushort node) =>
        node == 0 ? CentralServer : GatewayPrefix + node.ToString(CultureInfo.InvariantCulture);

    /// <summary>The KME id serving a node's SAE (e.g. "kme-cs", "kme-gn-7").</summary>
    public static string KmeForNode(ushort node) => "kme-" + ForNode(node);

    /// <summary>Parses an SAE id into its node id; false for anything not exactly "cs" or "gn-1".."gn-65535".</summary>
    public static bool TryParse(string? sae, out ushort node)
    {
        node = 0;
        if (sae == CentralServer)
        {
            return true;
        }

        if (sae is null || !sae.StartsWith(GatewayPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = sae.AsSpan(GatewayPrefix.Length);
        if (digits.Length == 0 || digits[0] == '0' || digits.ContainsAnyExceptInRange('0', '9')
            || !ushort.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        node = id;
        return true;
    }
}
