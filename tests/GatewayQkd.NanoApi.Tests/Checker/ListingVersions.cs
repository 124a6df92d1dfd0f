using System.Text.RegularExpressions;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// The package versions the listings' headers name: each listing's newest release tag (the version the listing
/// describes) and the minimum versions the listed packages' nuspecs require of each other.
/// </summary>
internal static partial class ListingVersions
{
    /// <summary>Returns, per package id, the versions a packages.config may pin: its release tag and any dependency minimum.</summary>
    public static Dictionary<string, HashSet<string>> Acceptable(string folder)
    {
        var versions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string id, string version)
        {
            if (!versions.TryGetValue(id, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                versions.Add(id, set);
            }

            set.Add(version);
        }

        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            foreach (var line in File.ReadLines(file).TakeWhile(l => l.StartsWith('#')))
            {
                var tag = ReleaseTag().Match(line);
                if (tag.Success)
                {
                    Add(Path.GetFileNameWithoutExtension(file), tag.Groups[1].Value);
                }

                var dependencies = DependencyList().Match(line);
                if (dependencies.Success && dependencies.Groups[1].Value != "none")
                {
                    foreach (var dependency in dependencies.Groups[1].Value.Split(", "))
                    {
                        var parts = dependency.Split(' ');
                        Add(parts[0], parts[1]);
                    }
                }
            }
        }

        return versions;
    }

    [GeneratedRegex(@"newest release tag reachable: v([0-9.]+)")]
    private static partial Regex ReleaseTag();

    [GeneratedRegex(@"^# nuspec: .*; dependencies: (.+)$")]
    private static partial Regex DependencyList();
}
