namespace GatewayQkd.TestSupport;

/// <summary>What the storage call interrupted by a power cut leaves behind.</summary>
public enum CutOutcome
{
    /// <summary>Nothing of the call reached flash: the file is as before the call.</summary>
    Before,

    /// <summary>The call committed just before power went: the file is as after the call.</summary>
    After,

    /// <summary>
    /// Torn, as LittleFS leaves it: an Append keeps a prefix of the new bytes; a Write that creates a file leaves it
    /// empty (LittleFS commits the new name at open, the data at close); a Write over an existing file and a Delete
    /// behave as <see cref="Before"/> (copy-on-write).
    /// </summary>
    Torn,
}
