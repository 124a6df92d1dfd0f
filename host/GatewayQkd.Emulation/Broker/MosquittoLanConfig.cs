using System.Globalization;
using System.Text;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// A Mosquitto configuration for a lab LAN with real boards (`emulate --mosquitto-config DIR`, hardware/bench-guide.md):
/// <c>mosquitto.conf</c> (one listener, no anonymous clients, the two files below), <c>passwd</c> (hashed, see
/// <see cref="MosquittoPasswordHash"/>) and <c>acl</c>: the emulator's user may use everything under <c>qkd/</c>; each
/// board's user (gn-&lt;id&gt;) only its own gateway's topics (<see cref="Topics"/>), so a board cannot read another
/// gateway's key blocks or speak for it. Directives: mosquitto.conf(5) of Mosquitto 2.0.
/// </summary>
public static class MosquittoLanConfig
{
    /// <summary>The configuration file's name.</summary>
    public const string ConfigFileName = "mosquitto.conf";

    /// <summary>The password file's name.</summary>
    public const string PasswordFileName = "passwd";

    /// <summary>The ACL file's name.</summary>
    public const string AclFileName = "acl";

    /// <summary>Returns the ACL lines of board gateway <paramref name="gatewayId"/>: read what a gateway subscribes to, write what it publishes.</summary>
    public static IReadOnlyList<string> BoardTopics(ushort gatewayId) =>
    [
        $"topic read {Topics.Blocks(gatewayId)}",
        $"topic read {Topics.RequestFilter(gatewayId)}",
        $"topic write {Topics.Ack(gatewayId)}",
        $"topic write {Topics.Supplement(gatewayId)}",
        $"topic write {Topics.Status(gatewayId)}",
        $"topic write {Topics.Status(gatewayId)}/online",
        $"topic write {Topics.GatewayPrefix}{gatewayId.ToString(CultureInfo.InvariantCulture)}/resp/+",
    ];

    /// <summary>
    /// Writes the three files into <paramref name="folder"/> and returns the configuration file's full path. Mosquitto
    /// listens on <paramref name="listen"/>'s port, on every interface when its address is 0.0.0.0.
    /// </summary>
    public static string Write(string folder, ListenEndpoint listen, string emulatorUser, string emulatorPassword, IReadOnlyList<(ushort GatewayId, string Username, string Password)> boards)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentException.ThrowIfNullOrWhiteSpace(emulatorUser);
        ArgumentException.ThrowIfNullOrEmpty(emulatorPassword);
        ArgumentNullException.ThrowIfNull(boards);
        if (listen.Port is < 1 or > 65535)
        {
            throw new ArgumentException($"Mosquitto needs a fixed port 1..65535, got {listen.Port}.", nameof(listen));
        }

        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var passwords = new StringBuilder().Append(emulatorUser).Append(':').Append(MosquittoPasswordHash.Create(emulatorPassword)).Append('\n');
        var acl = new StringBuilder()
            .Append("# The emulator (HAP, central server, emulated gateways and sensors): every GatewayQkd topic.\n")
            .Append("user ").Append(emulatorUser).Append("\ntopic readwrite qkd/#\n");
        foreach (var (gatewayId, username, password) in boards)
        {
            passwords.Append(username).Append(':').Append(MosquittoPasswordHash.Create(password)).Append('\n');
            acl.Append(CultureInfo.InvariantCulture, $"\n# Board gateway {gatewayId}: its own topics only.\nuser {username}\n");
            foreach (var line in BoardTopics(gatewayId))
            {
                acl.Append(line).Append('\n');
            }
        }

        var config = new StringBuilder()
            .Append("# Mosquitto for GatewayQkd on a lab LAN, written by `gatewayqkd emulate --mosquitto-config`.\n")
            .Append("# Start: mosquitto -v -c ").Append(Path.Combine(full, ConfigFileName)).Append('\n')
            .Append("per_listener_settings false\n")
            .Append(CultureInfo.InvariantCulture, $"listener {listen.Port}{(listen.IsAnyAddress ? string.Empty : " " + listen.Address)}\n")
            .Append("allow_anonymous false\n")
            .Append("password_file ").Append(Path.Combine(full, PasswordFileName)).Append('\n')
            .Append("acl_file ").Append(Path.Combine(full, AclFileName)).Append('\n');
        File.WriteAllText(Path.Combine(full, PasswordFileName), passwords.ToString());
        File.WriteAllText(Path.Combine(full, AclFileName), acl.ToString());
        var configPath = Path.Combine(full, ConfigFileName);
        File.WriteAllText(configPath, config.ToString());
        return configPath;
    }
}
