namespace GatewayQkd.Core.Crypto
{
    /// <summary>Human-readable error text for <see cref="AuthStatus"/> values (enum names are numbers on nanoFramework).</summary>
    public static class AuthStatusText
    {
        /// <summary>Returns a sentence that names the problem, for logs and error replies.</summary>
        public static string Describe(AuthStatus status)
        {
            switch (status)
            {
                case AuthStatus.Authentic:
                    return "Authentic: the tag verified.";
                case AuthStatus.TooShort:
                    return "Rejected: the sealed message is shorter than its authentication tag (truncated).";
                case AuthStatus.LengthMismatch:
                    return "Rejected: the sealed message length does not match the length of its one-time key (truncated or extended).";
                case AuthStatus.BadTag:
                    return "Rejected: the authentication tag does not verify (wrong key, nonce or associated data, or tampered data).";
                default:
                    return "Rejected: unknown authentication status " + ((int)status).ToString() + ".";
            }
        }
    }
}
