namespace GatewayQkd.BoardTwin.StandIns.Crypto;

/// <summary>System.Security.Cryptography.CipherMode of nanoFramework: None, CBC and ECB only (no CTR, no GCM).</summary>
internal enum NativeCipherMode
{
    None = 0,
    CBC = 1,
    ECB = 2,
}
