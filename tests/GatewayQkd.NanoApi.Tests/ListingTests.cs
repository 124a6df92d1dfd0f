using GatewayQkd.NanoApi.Tests.Checker;
using Microsoft.CodeAnalysis;

namespace GatewayQkd.NanoApi.Tests;

/// <summary>The copied listings load, and the stubs generated from them declare exactly the listed symbols.</summary>
public class ListingTests
{
    [Fact]
    public void Loads_The_Ids_The_Listing_Readme_Shows()
    {
        var listing = ApiListing.Default;

        Assert.True(listing.Contains("M:System.Collections.ArrayList.Add(System.Object)"));
        Assert.True(listing.Contains("E:nanoFramework.M2Mqtt.MqttClient.MqttMsgPublishReceived"));
        Assert.True(listing.Contains("F:System.DateTimeKind.Local"));
        Assert.False(listing.Contains("F:System.DateTimeKind.Local [obsolete]"));
    }

    [Fact]
    public void Finds_Inherited_Members_Through_Base_Types()
    {
        var use = new ApiUse("x.cs", 1, "P:System.ArgumentNullException.Message", null, string.Empty);

        Assert.False(ApiListing.Default.Contains(use.Id));
        Assert.Equal("P:System.ArgumentException.Message", ListingCheck.Resolve(ApiListing.Default, use));
    }

    [Fact]
    public void Stubs_Declare_Every_Listed_Symbol()
    {
        var declared = DeclaredIds().ToHashSet(StringComparer.Ordinal);

        var missing = ApiListing.Default.Ids.Where(id => !declared.Contains(id)).ToList();

        Assert.True(missing.Count == 0, "Listed but not declared by the stubs:\n" + string.Join("\n", missing.Take(50)));
    }

    [Fact]
    public void Stubs_Declare_No_Public_Symbol_That_Is_Not_Listed()
    {
        var extra = DeclaredIds().Where(id => !ApiListing.Default.Contains(id)).ToList();

        Assert.True(extra.Count == 0, "Declared by the stubs but not listed:\n" + string.Join("\n", extra.Take(50)));
    }

    [Fact]
    public void Stubs_Keep_Member_Details_From_Members_Tsv()
    {
        var stubs = NanoStubs.Compilation;
        var connect = (IMethodSymbol)DocumentationCommentId.GetFirstSymbolForDeclarationId(
            "M:nanoFramework.Networking.WifiNetworkHelper.ConnectDhcp(System.String,System.String,System.Device.Wifi.WifiReconnectionKind,System.Boolean,System.Int32,System.Threading.CancellationToken)",
            stubs)!;

        Assert.True(connect.IsStatic);
        Assert.Equal(SpecialType.System_Boolean, connect.ReturnType.SpecialType);
        Assert.Equal(["ssid", "password", "reconnectionKind", "requiresDateTime", "wifiAdapterId", "token"], connect.Parameters.Select(p => p.Name));
        Assert.True(connect.Parameters[3].HasExplicitDefaultValue);
    }

    private static List<string> DeclaredIds() => Checker.DeclaredIds.Of(NanoStubs.Compilation.Assembly);
}
