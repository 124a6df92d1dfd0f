namespace GatewayQkd.NanoApi.Tests.Checker;

/// <summary>
/// Decides whether each used ID is in the nanoFramework listings, and in a package the file's project references.
/// A member not listed on the type .NET found it on is looked up on the receiver's and the declaring type's listed
/// base classes and interfaces (base-types.tsv), because nanoFramework may declare it on another type of the chain.
/// </summary>
internal static class ListingCheck
{
    /// <summary>Returns a violation per use that nanoFramework does not provide.</summary>
    /// <param name="listing">The listings.</param>
    /// <param name="uses">The uses to check.</param>
    /// <param name="packages">The packages the project references.</param>
    /// <param name="explain">Optional: returns a note to add to a use that is not listed (what nanoFramework binds instead).</param>
    public static IEnumerable<Violation> Check(ApiListing listing, IEnumerable<ApiUse> uses, IReadOnlyCollection<string> packages, Func<ApiUse, string?>? explain = null)
    {
        foreach (var use in uses)
        {
            var found = Resolve(listing, use);
            var what = use.How.Length == 0 ? string.Empty : " (" + use.How.Trim() + ")";
            if (found is null)
            {
                yield return new Violation(use.File, use.Line, "not-in-listing", use.Id + " is not in the nanoFramework API listings" + what + explain?.Invoke(use));
                continue;
            }

            var owners = listing.PackagesOf(found);
            if (!owners.Any(packages.Contains))
            {
                yield return new Violation(
                    use.File,
                    use.Line,
                    "package-not-referenced",
                    found + " comes from " + string.Join(" or ", owners) + ", which the project's packages.config does not list" + what);
            }
        }
    }

    /// <summary>Returns the listed ID that provides the use, or null when none does.</summary>
    public static string? Resolve(ApiListing listing, ApiUse use)
    {
        if (listing.Contains(use.Id))
        {
            return use.Id;
        }

        if (use.Id.StartsWith("T:", StringComparison.Ordinal) || use.Id.Length < 3 || use.Id[1] != ':')
        {
            return null;
        }

        var declaring = ApiListing.DeclaringTypeOf(use.Id);
        var suffix = use.Id[(2 + declaring.Length)..];
        var starts = use.ReceiverTypeId is null ? new[] { declaring } : new[] { use.ReceiverTypeId, declaring };
        foreach (var start in starts)
        {
            foreach (var type in listing.SelfAndAncestors(start))
            {
                var candidate = use.Id[..2] + type + suffix;
                if (listing.Contains(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
