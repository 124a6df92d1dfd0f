namespace GatewayQkd.Core.Tests.Pool;

/// <summary>One step of a generated pool workload.</summary>
internal enum WorkloadOpKind
{
    Ingest,
    Take,
    Restart,
    Zeroize,
}

/// <summary>A workload step: what to do, for which peer, with how many bytes.</summary>
internal readonly record struct WorkloadOp(WorkloadOpKind Kind, ushort Peer, int Length)
{
    /// <summary>Returns a seeded random workload of <paramref name="count"/> steps over three peers.</summary>
    public static WorkloadOp[] Generate(int seed, int count)
    {
        var random = new Random(seed);
        var ops = new WorkloadOp[count];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var peer = (ushort)random.Next(3);
            ops[i] = roll switch
            {
                < 45 => new(WorkloadOpKind.Ingest, peer, 1 + random.Next(random.Next(4) == 0 ? 600 : 120)),
                < 94 => new(WorkloadOpKind.Take, peer, 1 + random.Next(random.Next(4) == 0 ? 300 : 48)),
                < 98 => new(WorkloadOpKind.Restart, peer, 0),
                _ => new(WorkloadOpKind.Zeroize, peer, 0),
            };
        }

        return ops;
    }
}
