namespace GatewayQkd.Kms.Tests.Server;

/// <summary>Base of the HTTPS test classes: a fresh <see cref="KmsHarness"/> per test, stopped after it.</summary>
public abstract class KmsHttpsTest(TestCertificates certificates) : IAsyncLifetime
{
    protected TestCertificates Certificates { get; } = certificates;

    protected KmsHarness Kms { get; private set; } = null!;

    public async Task InitializeAsync() => Kms = await KmsHarness.StartAsync(Certificates);

    public async Task DisposeAsync() => await Kms.DisposeAsync();
}
