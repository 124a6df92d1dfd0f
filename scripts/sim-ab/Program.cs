using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Sweeps;

namespace GatewayQkd.SimAb;

/// <summary>
/// Times two builds of the simulator alternately in one process (see scripts/sim-ab.sh): each build is loaded into its
/// own load context, both are warmed up until a run compiles no method, then runs alternate A B, B A, ... and each
/// pair's ratio B/A is reported. On a machine shared with other work, runs of one build minutes apart differ by up to
/// 1.5x; a pair run back to back sees nearly the same load, so the median ratio shows a change of a few per cent.
/// </summary>
public static partial class Program
{
    /// <summary>Usage: SimAb DIR_A DIR_B CONFIG REQUESTS PAIRS (CONFIG: a scheme name at L_req 1.5, ddka-0.2 or scale).</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 5)
        {
            Console.Error.WriteLine("usage: SimAb DIR_A DIR_B CONFIG REQUESTS PAIRS");
            return 2;
        }

        var a = Build.Load(args[0]);
        var b = Build.Load(args[1]);
        string config = args[2];
        long requests = long.Parse(args[3], CultureInfo.InvariantCulture);
        int pairs = int.Parse(args[4], CultureInfo.InvariantCulture);
        a.WarmUp(config);
        b.WarmUp(config);
        var rateA = new List<double>();
        var rateB = new List<double>();
        var ratio = new List<double>();
        for (int i = 0; i < pairs; i++)
        {
            double x;
            double y;
            if (i % 2 == 0)
            {
                x = a.Rate(config, requests);
                y = b.Rate(config, requests);
            }
            else
            {
                y = b.Rate(config, requests);
                x = a.Rate(config, requests);
            }

            rateA.Add(x);
            rateB.Add(y);
            ratio.Add(y / x);
        }

        rateA.Sort();
        rateB.Sort();
        ratio.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{config}, {pairs} pairs of {requests:N0} requests: A best {rateA[^1] / 1e6:0.00} median {rateA[pairs / 2] / 1e6:0.00} | B best {rateB[^1] / 1e6:0.00} median {rateB[pairs / 2] / 1e6:0.00} M requests per CPU-second | B/A per pair median {ratio[pairs / 2]:0.000} (min {ratio[0]:0.000}, max {ratio[^1]:0.000})"));
        return 0;
    }

    /// <summary>Requests per CPU-second of the calling thread for one run (called through the build's own copy).</summary>
    public static double Rate(string config, long requests)
    {
        var options = Config(config, requests);
        GC.Collect();
        double start = ThreadCpuSeconds();
        var result = new Simulator(options, TextWriter.Null).Run();
        return result.Requests / (ThreadCpuSeconds() - start);
    }

    /// <summary>Runs 500,000-request runs until one compiles no method (at least 3 runs and 1 s).</summary>
    public static void WarmUp(string config)
    {
        var options = Config(config, 500_000);
        var clock = Stopwatch.StartNew();
        for (int run = 0; run < 100; run++)
        {
            long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            new Simulator(options, TextWriter.Null).Run();
            if (run >= 2 && clock.Elapsed.TotalSeconds >= 1 && System.Runtime.JitInfo.GetCompiledMethodCount() == compiled)
            {
                return;
            }
        }
    }

    private static SimulationOptions Config(string name, long requests)
    {
        if (name == "scale")
        {
            return SimulationPreset.Find("scale")!.Options with { Requests = requests };
        }

        if (name == "ddka-0.2")
        {
            return new SimulationOptions { Requests = requests, Load = 0.2 };
        }

        var scheme = SchemeDefinition.TryParse(name) ?? throw new ArgumentException($"Unknown configuration '{name}'.", nameof(name));
        return new SimulationOptions { Scheme = scheme.Kind, Load = 1.5, Requests = requests };
    }

    /// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID, nanosecond resolution; Linux only).</summary>
    private static double ThreadCpuSeconds()
    {
        const int threadCpuClock = 3;
        return NativeMethods.ClockGetTime(threadCpuClock, out var time) == 0
            ? time.Seconds + (time.Nanoseconds * 1e-9)
            : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
    }

    /// <summary>One build's copy of this program, loaded with its own simulator into its own load context.</summary>
    private sealed class Build(Func<string, long, double> rate, Action<string> warmUp)
    {
        public static Build Load(string directory)
        {
            string full = Path.GetFullPath(directory);
            var context = new DirectoryContext(full);
            var type = context.LoadFromAssemblyPath(Path.Combine(full, "SimAb.dll")).GetType(typeof(Program).FullName!)!;
            return new Build(
                type.GetMethod(nameof(Program.Rate))!.CreateDelegate<Func<string, long, double>>(),
                type.GetMethod(nameof(Program.WarmUp))!.CreateDelegate<Action<string>>());
        }

        public double Rate(string config, long requests) => rate(config, requests);

        public void WarmUp(string config) => warmUp(config);
    }

    /// <summary>Resolves a build's assemblies from its directory (framework assemblies stay shared).</summary>
    private sealed class DirectoryContext : AssemblyLoadContext
    {
        private readonly string _directory;

        public DirectoryContext(string directory)
            : base(directory)
        {
            _directory = directory;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string path = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "clock_gettime")]
        public static partial int ClockGetTime(int clock, out TimeSpec time);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
