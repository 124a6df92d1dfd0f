namespace GatewayQkd.Core.Protocol
{
    /// <summary>The typed content of a frame between header and tag; each frame type has one subclass in Messages/.</summary>
    public abstract class FrameBody
    {
        /// <summary>Gets the frame type this body is carried in.</summary>
        public abstract FrameType Type { get; }

        /// <summary>Gets the encoded body size in bytes.</summary>
        public abstract int BodyLength { get; }

        /// <summary>Writes the body's fields, exactly <see cref="BodyLength"/> bytes.</summary>
        public abstract void WriteTo(FrameWriter writer);
    }
}
