using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Metrics;

namespace GatewayQkd.Emulation.Tests.Metrics;

/// <summary>The request ledger keeps each request's K_sec and emulated times, so the report can count waiting requests by K_sec.</summary>
public sealed class RequestLedgerTests
{
    private double _now;

    [Fact]
    public void A_Refused_Request_Was_Waiting_Until_It_Was_Refused()
    {
        var ledger = new RequestLedger(() => _now);
        _now = 1;
        ledger.Sent(1, 2, 7, 5);
        _now = 5;
        ledger.Answered(1, 2, 7, SensorOutcomeKind.Refused);

        var r = Assert.Single(ledger.Records());
        Assert.True(r.OpenAt(3));
        Assert.False(r.OpenAt(6));
        Assert.True(r.Refused);
        Assert.False(r.Served);
    }

    [Fact]
    public void A_Served_Request_Keeps_Its_Delay_Whether_It_Waited_And_Its_Place_In_The_Served_Order()
    {
        var ledger = new RequestLedger(() => _now);
        ledger.Sent(1, 1, 1, 1);
        ledger.Sent(1, 2, 1, 5);
        _now = 2;
        ledger.Answered(1, 2, 1, SensorOutcomeKind.Waiting);
        _now = 3;
        ledger.Answered(1, 2, 1, SensorOutcomeKind.Served);
        ledger.Answered(1, 1, 1, SensorOutcomeKind.Served);
        ledger.Answered(1, 1, 1, SensorOutcomeKind.Served); // a second answer changes nothing

        var records = ledger.Records();
        Assert.Equal((false, 3.0, 2L), (records[0].Waited, records[0].DelaySeconds, records[0].ServedOrder));
        Assert.Equal((true, 3.0, 1L, 5), (records[1].Waited, records[1].DelaySeconds, records[1].ServedOrder, records[1].SecurityLevel));
    }
}
