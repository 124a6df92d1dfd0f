namespace GatewayQkd.TestSupport;

/// <summary>Paths inside the repository checkout, for tests that read or regenerate files committed there.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root (the folder holding GatewayQkd.sln, found upwards from the test binaries).</summary>
    public static string Root => RootPath.Value;

    /// <summary>Returns the absolute path of a repository-relative path given with '/' separators.</summary>
    public static string Of(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GatewayQkd.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GatewayQkd.sln not found above " + AppContext.BaseDirectory);
    }
}
