using System.Collections;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// The key request queue and its slot loop (DDKA paper s3.3, Table 4): admits authenticated requests, and at the
    /// end of each slot serves the requests of the finished slots in DDKA order (arrival slot, then est ascending),
    /// answering each with its key, a one-time "waiting" notice, or "insufficient" once it passes its deadline; then
    /// lets the <see cref="SupplementPolicy"/> decide on supplement requests per peer (s3.4). The keys of a slot are
    /// reserved in RAM and its answers held until the slot's one group commit (<see cref="SlotCommit"/>) is durable.
    /// </summary>
    internal sealed class RequestScheduler
    {
        private readonly GatewayConfig _config;
        private readonly KeyPool _pool;
        private readonly SlotCommit _commit;
        private readonly GatewayOutbox _outbox;
        private readonly PeerKeyTable _sensorKeys;
        private readonly FrameKeys _linkKeys;
        private readonly GatewayCounters _counters;
        private readonly ILog _log;
        private readonly DdkaOrderComparer _order;
        private readonly OrderedQueue _queue;
        private readonly SupplementPolicy _policy;
        private readonly Hashtable _notified = new Hashtable();
        private readonly Hashtable _lastSupplement = new Hashtable();
        private readonly Hashtable _queuedIds = new Hashtable(); // QueueKey of every queued request: the duplicate check without a scan
        private long _supplementSequence;

        public RequestScheduler(GatewayConfig config, KeyPool pool, SlotCommit commit, GatewayOutbox outbox, PeerKeyTable sensorKeys, FrameKeys linkKeys, GatewayCounters counters, ILog log)
        {
            _config = config;
            _pool = pool;
            _commit = commit;
            _outbox = outbox;
            _sensorKeys = sensorKeys;
            _linkKeys = linkKeys;
            _counters = counters;
            _log = log;
            _order = new DdkaOrderComparer(config.SlotMilliseconds, config.TradeOff);
            _queue = new OrderedQueue(_order, config.QueueCapacity);
            _policy = new SupplementPolicy(config.CapacityBits, config.LowThresholdBits, config.HighThresholdBits, config.TradeOff);
        }

        public int Count
        {
            get { return _queue.Count; }
        }

        /// <summary>Queues an authenticated request, or answers it at once with the reason it cannot be queued.</summary>
        public void Admit(ushort sensorId, KeyRequestMessage request, long now)
        {
            KeyResponseStatus status = KeyResponseStatus.Rejected;
            KeyResponseReason reason = KeyResponseReason.None;
            if (request.KSec == 0)
            {
                reason = KeyResponseReason.PlaintextLevel;
            }
            else if (!_config.ServesPeer(request.Destination))
            {
                reason = KeyResponseReason.UnknownDestination;
            }
            else if (!_config.InitiatesOn(request.Destination))
            {
                reason = KeyResponseReason.FetchOnly;
            }
            else if (request.KQuaBits > _config.CapacityBits)
            {
                status = KeyResponseStatus.Insufficient;
                reason = KeyResponseReason.ExceedsCapacity;
            }
            else if (IsQueued(sensorId, request.RequestId))
            {
                reason = KeyResponseReason.DuplicateRequest;
            }
            else if (_queue.Count >= _config.QueueCapacity)
            {
                reason = KeyResponseReason.QueueFull;
            }

            if (reason == KeyResponseReason.None)
            {
                _queue.Enqueue(new KeyRequest(sensorId, request.RequestId, _config.GatewayId, request.Destination, now, request.KQuaBits, request.KSec));
                _queuedIds[QueueKey(sensorId, request.RequestId)] = true;
                return;
            }

            _counters.Increment(status == KeyResponseStatus.Insufficient ? GatewayCounter.RequestsInsufficient : GatewayCounter.RequestsRejected);
            _log.Write(LogLevel.Warning, "Key request " + request.RequestId.ToString() + " of sensor " + sensorId.ToString() + " not queued: " + KeyResponseReasonText.Describe(reason) + ".");
            _commit.CommitIfDue(1); // the answer is visible: the frame's mark (and its counter) must be durable first, or a replay would be answered again
            Answer(sensorId, request.RequestId, status, reason);
        }

        /// <summary>
        /// Serves every request that arrived before slot <paramref name="currentSlot"/> began, in DDKA order: keys are
        /// reserved, one group commit makes them and the staged replay marks durable, then the answers are published.
        /// </summary>
        public void ServeFinishedSlots(long currentSlot, long now)
        {
            Hashtable triggers = new Hashtable();
            ArrayList answers = new ArrayList();
            int i = 0;
            while (i < _queue.Count)
            {
                KeyRequest request = (KeyRequest)_queue.ItemAt(i);
                if (_order.SlotOf(request.ArrivalTime) >= currentSlot)
                {
                    break; // the queue is sorted by arrival slot first: the rest belong to slots still open
                }

                TakeResult taken = TryReserve(request);
                if (taken != null)
                {
                    Remove(i);
                    answers.Add(PendingAnswer.Served((ushort)request.SensorId, (uint)request.RequestId, taken));
                    continue;
                }

                if (now - request.ArrivalTime >= _config.RequestDeadlineMilliseconds)
                {
                    Remove(i);
                    _counters.Increment(GatewayCounter.RequestsInsufficient);
                    answers.Add(PendingAnswer.NotServed((ushort)request.SensorId, (uint)request.RequestId, KeyResponseStatus.Insufficient, KeyResponseReason.Expired));
                    continue;
                }

                if (!triggers.Contains(request.DestinationGateway))
                {
                    triggers[request.DestinationGateway] = request; // Table 4 line 12: flag the first unserved request per pool
                }

                if (!_notified.Contains(request))
                {
                    _notified[request] = true;
                    _counters.Increment(GatewayCounter.RequestsWaiting);
                    answers.Add(PendingAnswer.NotServed((ushort)request.SensorId, (uint)request.RequestId, KeyResponseStatus.Waiting, KeyResponseReason.PoolLow));
                }

                i++;
            }

            CommitThenPublish(answers);
            RequestSupplements(triggers, now);
        }

        private TakeResult TryReserve(KeyRequest request)
        {
            ushort peer = (ushort)request.DestinationGateway;
            if (_pool.AvailableBits(peer) < request.KQuaBits)
            {
                return null;
            }

            TakeResult taken = _pool.Reserve(peer, request.KQuaBits / 8); // durable only at the slot's commit
            return taken.IsTaken ? taken : null;
        }

        // The slot's group commit, then its answers: no reserved key byte leaves before its consumption is durable.
        private void CommitThenPublish(ArrayList answers)
        {
            try
            {
                // With the counters of the whole slot's answers and of the supplement requests that may follow them
                // (RequestSupplements: at most one per peer), so a slot that answers exactly the rest of the reservation
                // is not followed by a separate counter-file commit for its supplement (bench pool, 1,000 per slot).
                _commit.CommitIfDue(answers.Count == 0 ? 0 : answers.Count + _config.Peers.Length);
            }
            catch (System.Exception)
            {
                // The reserved ranges stay consumed (the pool counted them lost) and are never sent; sensors retry.
                for (int a = 0; a < answers.Count; a++)
                {
                    TakeResult lost = ((PendingAnswer)answers[a]).Taken;
                    if (lost != null)
                    {
                        _counters.Add(GatewayCounter.KeyBytesLost, (uint)lost.Range.Length);
                        System.Array.Clear(lost.Material, 0, lost.Material.Length);
                    }
                }

                throw;
            }

            for (int a = 0; a < answers.Count; a++)
            {
                PendingAnswer answer = (PendingAnswer)answers[a];
                if (answer.Taken == null)
                {
                    Answer(answer.SensorId, answer.RequestId, answer.Status, answer.Reason);
                }
                else
                {
                    SendServed(answer);
                }
            }
        }

        private void SendServed(PendingAnswer answer)
        {
            KeyHandOut.Send(_outbox, _counters, _log, answer.SensorId, _sensorKeys.Find(answer.SensorId), answer.RequestId, answer.Taken);
        }

        private void RequestSupplements(Hashtable triggers, long now)
        {
            ushort[] peers = _config.Peers;
            for (int p = 0; p < peers.Length; p++)
            {
                ushort peer = peers[p];
                KeyRequest trigger = (KeyRequest)triggers[(int)peer];
                long level = _pool.AvailableBits(peer);
                SupplementRequest decision = _policy.Decide(
                    _config.GatewayId, peer, _supplementSequence + 1, now, level, PendingDemand(peer),
                    trigger == null ? 0 : trigger.KQuaBits, trigger == null ? 0 : trigger.KSec);
                if (decision == null || !SupplementDue(peer, now))
                {
                    continue;
                }

                _supplementSequence++;
                _lastSupplement[(int)peer] = now;
                _counters.Increment(GatewayCounter.SupplementsSent);
                _outbox.Send(Topics.Supplement(_config.GatewayId), _config.AuthorityId, _linkKeys, SupplementMessages.From(decision));
            }
        }

        private bool SupplementDue(ushort peer, long now)
        {
            object last = _lastSupplement[(int)peer];
            return last == null || now - (long)last >= _config.SupplementRetryMilliseconds;
        }

        private long PendingDemand(ushort peer)
        {
            long demand = 0;
            for (int i = 0; i < _queue.Count; i++)
            {
                KeyRequest request = (KeyRequest)_queue.ItemAt(i);
                if (request.DestinationGateway == peer)
                {
                    demand += request.KQuaBits;
                }
            }

            return demand;
        }

        private bool IsQueued(ushort sensorId, uint requestId)
        {
            return _queuedIds.Contains(QueueKey(sensorId, requestId));
        }

        private void Remove(int index)
        {
            KeyRequest removed = (KeyRequest)_queue.RemoveAt(index);
            _notified.Remove(removed);
            _queuedIds.Remove(QueueKey(removed.SensorId, removed.RequestId));
        }

        // One key per (sensor, request id): the id is 32 bits on the wire (KeyRequestMessage), the sensor 16.
        private static long QueueKey(int sensorId, long requestId)
        {
            return ((long)sensorId << 32) | (requestId & 0xFFFFFFFFL);
        }

        private void Answer(ushort sensorId, uint requestId, KeyResponseStatus status, KeyResponseReason reason)
        {
            _outbox.SendNotServed(sensorId, _sensorKeys.Find(sensorId), requestId, status, reason);
        }
    }
}
