namespace GatewayQkd.Kms.Tests.Server;

/// <summary>HTTPS tests share one set of certificates.</summary>
[CollectionDefinition(Name)]
public sealed class KmsCollection : ICollectionFixture<TestCertificates>
{
    public const string Name = "kms-https";
}
