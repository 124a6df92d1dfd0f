namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// The nanoFramework API listings copied under nanoframework-api/ (format: that folder's README.md): every listed
/// documentation-comment ID with its package, the types' base types (base-types.tsv) and member details (members.tsv).
/// </summary>
internal sealed class ApiListing
{
    private static readonly Lazy<ApiListing> AsCopied = new(() => Load(Path.Combine(AppContext.BaseDirectory, "nanoframework-api")));
    private static readonly Lazy<ApiListing> Shared = new(() => PinnedListing.Restrict(AsCopied.Value));

    private readonly Dictionary<string, HashSet<string>> _packagesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ListedType> _types = new(StringComparer.Ordinal);
    private readonly List<ListedMember> _members = [];

    private ApiListing()
    {
    }

    /// <summary>
    /// Gets the listings restricted to the pinned package versions and the device profile (<see cref="PinnedListing"/>):
    /// what every check uses.
    /// </summary>
    public static ApiListing Default => Shared.Value;

    /// <summary>Gets the listings as copied, before <see cref="PinnedListing"/> restricts them.</summary>
    public static ApiListing Copied => AsCopied.Value;

    /// <summary>Gets every listed type by ID (without "T:").</summary>
    public IReadOnlyDictionary<string, ListedType> Types => _types;

    /// <summary>Gets every row of members.tsv (one per listed M:/P:/F:/E: ID and package).</summary>
    public IReadOnlyList<ListedMember> Members => _members;

    /// <summary>Gets every listed ID (T:, M:, P:, F:, E:).</summary>
    public IEnumerable<string> Ids => _packagesById.Keys;

    /// <summary>Loads the listings from a folder holding the *.txt files and the two .tsv tables.</summary>
    public static ApiListing Load(string folder)
    {
        var listing = new ApiListing();
        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            var package = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                listing.Add(StripObsolete(line.Trim()), package);
            }
        }

        foreach (var row in Rows(Path.Combine(folder, "base-types.tsv"), 5))
        {
            var interfaces = row[4].Length == 0 ? [] : row[4].Split(',');
            listing._types.TryAdd(row[1], new ListedType(row[0], row[1], row[2], row[3].Length == 0 ? null : row[3], interfaces));
        }

        foreach (var row in Rows(Path.Combine(folder, "members.tsv"), 9))
        {
            var modifiers = row[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            listing._members.Add(new ListedMember(row[0], row[1], row[2], modifiers, row[4], row[5], row[6], row[7]));
        }

        return listing;
    }

    /// <summary>Returns a copy without the types and members the predicate (package, ID with prefix) drops.</summary>
    public ApiListing Without(Func<string, string, bool> drop)
    {
        var copy = new ApiListing();
        foreach (var (id, packages) in _packagesById)
        {
            foreach (var package in packages.Where(p => !drop(p, id)))
            {
                copy.Add(id, package);
            }
        }

        foreach (var type in _types.Values.Where(t => !drop(t.Package, "T:" + t.Id)))
        {
            copy._types.Add(type.Id, type);
        }

        copy._members.AddRange(_members.Where(m => !drop(m.Package, m.Id)));
        return copy;
    }

    /// <summary>Returns true when the ID is listed in any package.</summary>
    public bool Contains(string id) => _packagesById.ContainsKey(id);

    /// <summary>Returns the packages that list this ID (empty when none does).</summary>
    public IReadOnlyCollection<string> PackagesOf(string id) =>
        _packagesById.TryGetValue(id, out var packages) ? packages : (IReadOnlyCollection<string>)Array.Empty<string>();

    /// <summary>
    /// Returns the listed type itself followed by its listed base classes and interfaces, nearest first (the walk the
    /// listings' README prescribes for inherited members: base-types.tsv up the bases and interfaces).
    /// </summary>
    public IEnumerable<string> SelfAndAncestors(string typeId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(typeId);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            if (_types.TryGetValue(current, out var type))
            {
                if (type.BaseType is not null)
                {
                    queue.Enqueue(type.BaseType);
                }

                foreach (var item in type.Interfaces)
                {
                    queue.Enqueue(item);
                }
            }
            else if (current != "System.Object")
            {
                queue.Enqueue("System.Object");
            }
        }
    }

    /// <summary>Returns the containing type's ID (without "T:") of a member ID.</summary>
    public static string DeclaringTypeOf(string memberId)
    {
        var head = HeadOf(memberId);
        return head[2..head.LastIndexOf('.')];
    }

    /// <summary>Returns the member name part of a member ID.</summary>
    public static string MemberNameOf(string memberId)
    {
        var head = HeadOf(memberId);
        return head[(head.LastIndexOf('.') + 1)..];
    }

    /// <summary>Strips the " [obsolete]" marker the listings put after an ID.</summary>
    public static string StripObsolete(string line)
    {
        var marker = line.IndexOf(" [obsolete]", StringComparison.Ordinal);
        return marker < 0 ? line : line[..marker];
    }

    private static string HeadOf(string memberId)
    {
        var end = memberId.IndexOfAny(['(', '~']);
        return end < 0 ? memberId : memberId[..end];
    }

    private static IEnumerable<string[]> Rows(string path, int columns)
    {
        var headerSeen = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < columns)
            {
                Array.Resize(ref cells, columns);
                for (var i = 0; i < columns; i++)
                {
                    cells[i] ??= string.Empty;
                }
            }

            yield return cells;
        }
    }

    private void Add(string id, string package)
    {
        if (!_packagesById.TryGetValue(id, out var packages))
        {
            packages = new HashSet<string>(StringComparer.Ordinal);
            _packagesById.Add(id, packages);
        }

        packages.Add(package);
    }
}
