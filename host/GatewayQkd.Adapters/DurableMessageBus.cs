using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// The message side of the pipelined group commit (<see cref="PipelinedKeyStorage"/>): a publication leaves, through
/// the wrapped bus and in publication order, only once every storage call the gateway made before it has returned on
/// the real storage, i.e. at the point where the synchronous port would have let the gateway publish it. So the
/// answers of a slot still go out only after that slot's commit is durable ("Consumed before sent",
/// docs/gateway-service.md), and an ack only after its block file. Publications are made on the storage thread, so the
/// wrapped bus must accept calls from another thread (the MQTT clients do; tests hand them over). Subscriptions pass
/// straight through (they change nothing durable).
/// </summary>
public sealed class DurableMessageBus : IMessageBus
{
    private readonly IMessageBus _inner;
    private readonly PipelinedKeyStorage _storage;
    private long _failedPublishes;

    /// <summary>Publishes to <paramref name="inner"/> behind the calls queued on <paramref name="storage"/>.</summary>
    public DurableMessageBus(IMessageBus inner, PipelinedKeyStorage storage)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
    }

    /// <inheritdoc />
    public void Publish(string topic, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        var copy = (byte[])payload.Clone(); // the caller may reuse its array before the message leaves
        _storage.AfterDurable(() =>
        {
            try
            {
                _inner.Publish(topic, copy);
            }
            catch (Exception)
            {
                // As a failed publish in the synchronous gateway (KeyHandOut): the message is lost, the storage is
                // unaffected; a key in it stays consumed and is never reissued.
                Interlocked.Increment(ref _failedPublishes);
            }
        });
    }

    /// <summary>Gets the number of publications the wrapped bus refused (their messages are lost, as a failed publish is).</summary>
    public long FailedPublishes => Interlocked.Read(ref _failedPublishes);

    /// <inheritdoc />
    public void Subscribe(string topicFilter) => _inner.Subscribe(topicFilter);
}
