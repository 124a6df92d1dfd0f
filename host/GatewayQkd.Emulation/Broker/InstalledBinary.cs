namespace GatewayQkd.Emulation.Broker;

/// <summary>Finds an engine's executable that a Debian package installs (the brokers the tests and benchmarks start).</summary>
public static class InstalledBinary
{
    /// <summary>
    /// Returns the path of <paramref name="name"/> (PATH first, then <paramref name="searchPaths"/>), or throws naming
    /// <paramref name="what"/> and the apt-get command that installs <paramref name="package"/>.
    /// </summary>
    public static string Find(string name, IEnumerable<string> searchPaths, string what, string package)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .Concat(searchPaths);
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The {what} was not found on PATH nor in /usr/sbin. Install it with " +
                $"`apt-get install -y {package}` (scripts/test.sh does this) and run again.");
    }
}
