using System.Xml.Linq;

namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>Finds the repository and reads firmware projects: their .cs files, Compile items and packages.config.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root (the folder holding GatewayQkd.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>Returns the repository-relative paths (forward slashes) of the .cs files under a folder, bin/obj excluded.</summary>
    public static List<string> SourcesUnder(string relativeFolder)
    {
        var folder = Path.Combine(Root, relativeFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Returns the repository-relative paths of a project's Compile items (Include resolved against the project folder).</summary>
    public static List<string> CompileItems(string relativeProject)
    {
        var projectPath = Path.Combine(Root, relativeProject);
        var folder = Path.GetDirectoryName(projectPath)!;
        return XDocument.Load(projectPath).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Select(include => Relative(Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/')))))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Returns the package ids and versions in a packages.config.</summary>
    public static Dictionary<string, string> Packages(string relativePackagesConfig) =>
        XDocument.Load(Path.Combine(Root, relativePackagesConfig)).Descendants("package")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);

    /// <summary>Reads the given repository-relative sources, allowing the packages of the given packages.config.</summary>
    public static List<FirmwareSource> Read(IEnumerable<string> relativePaths, string relativePackagesConfig)
    {
        var packages = Packages(relativePackagesConfig).Keys.ToHashSet(StringComparer.Ordinal);
        return relativePaths.Select(p => new FirmwareSource(p, File.ReadAllText(Path.Combine(Root, p)), packages)).ToList();
    }

    private static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static string FindRoot()
    {
        // GATEWAYQKD_CHECK_ROOT points the check at another checkout (e.g. a helper's worktree) without copying it.
        var overridden = Environment.GetEnvironmentVariable("GATEWAYQKD_CHECK_ROOT");
        if (!string.IsNullOrEmpty(overridden))
        {
            return Path.GetFullPath(overridden);
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GatewayQkd.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GatewayQkd.sln not found above " + AppContext.BaseDirectory);
    }
}
