using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Server;

/// <summary>
/// Base of the HTTPS test classes: a fresh <see cref="KmsHarness"/> per test, stopped after it; its store is on SQLite, or
/// on PostgreSQL when <paramref name="postgres"/> is given.
/// </summary>
public abstract class KmsHttpsTest(TestCertificates certificates, EngineFixture? postgres = null) : IAsyncLifetime
{
    protected TestCertificates Certificates { get; } = certificates;

    protected KmsHarness Kms { get; private set; } = null!;

    public async Task InitializeAsync() => Kms = await KmsHarness.StartAsync(Certificates, postgres);

    public async Task DisposeAsync() => await Kms.DisposeAsync();
}
