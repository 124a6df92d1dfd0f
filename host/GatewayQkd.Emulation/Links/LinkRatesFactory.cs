using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Links;

/// <summary>Creates the link rates a scenario asks for.</summary>
public static class LinkRatesFactory
{
    /// <summary>Returns the scenario geography's rates when it has one, else constant rates or the channel model's, per <see cref="EmulationOptions.KeyRateModel"/>.</summary>
    public static IGatewayLinkRates Create(EmulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Geography is not null)
        {
            return new ScenarioLinkRates(options);
        }

        return options.KeyRateModel switch
        {
            KeyRateModel.Channel => new ChannelLinkRates(options.AllGatewayIds, options.HapTerminals, options.Seed),
            _ => new ConstantKeyRate(options.KeyRateBitsPerSecond),
        };
    }
}
