using System.Reflection;

namespace GatewayQkd.Emulation.Report;

/// <summary>The program and version every report file names, so a result can be traced to the code that made it.</summary>
public static class ProgramInfo
{
    /// <summary>The program's name.</summary>
    public const string Name = "gatewayqkd";

    /// <summary>
    /// Gets the version: the assembly's informational version (the build's Version, with the source revision when the
    /// build knows it).
    /// </summary>
    public static string Version { get; } =
        typeof(ProgramInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProgramInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
