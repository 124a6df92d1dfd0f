#!/usr/bin/env python3
"""Per-component CPU of a `gatewayqkd bench capacity` step from `perf script` output (scripts/profile-capacity.sh).

Each sample is charged to one owner: the innermost frame of its stack that belongs to a component of the emulation
(gateway service, sensor client, central server, HAP, ...), else to the runtime (tiered JIT, thread pool, GC) or to the
broker process. Separately, the leaf few frames say what kind of work it was (SQLite, crypto, file I/O, kernel, ...).
Managed frames are named through the runtime's perf map (DOTNET_PerfMapEnabled=1); libcoreclr has no symbols here,
so the runtime's own work (allocation helpers, GC, locks, type checks) is one bucket.
Usage: perf-components.py PERF_SCRIPT_TXT [KEYS CPU_MS_PER_KEY]
"""
import collections
import re
import sys

OWNERS = [
    ("gateway service (firmware core)", r"GatewayQkd\.Core\.Gateway|GatewayQkd\.Core\.Pool|GatewayQkd\.Core\.Scheduling|EmulatedGateway"),
    ("sensor client (firmware core) + sensor field", r"SensorClient|SensorField|EmulatedSensor"),
    ("central server (key streams, telemetry verifier, SQLite store)", r"CentralServer|KeyStream|Verifier|CentralKeyStore|AuthorityLink|TelemetryTracker"),
    ("HAP", r"GatewayQkd\.Emulation\.Hap"),
    ("run loop, sampling, metrics", r"EmulationRun|RunSampler|LatencyRecorder|KeyIssueLog|RunCounters|EmulationBenchmark"),
    ("bus adapter (MqttMessageBus outbox)", r"GatewayQkd\.Emulation\.Bus"),
    ("MQTTnet server (embedded broker)", r"MQTTnet\.Server"),
    ("MQTTnet client", r"MQTTnet"),
]
KINDS = [
    ("SQLite", r"libe_sqlite3|Microsoft\.Data\.Sqlite|SQLitePCL"),
    ("crypto (OpenSSL, HostCryptoPrimitives)", r"libcrypto|libssl|System\.Security\.Cryptography|HostCryptoPrimitives"),
    ("file I/O (FileKeyStorage)", r"FileKeyStorage|DirectorySync|System\.IO\.File|FileStream|SafeFileHandle|RandomAccess"),
    ("sockets", r"System\.Net\.Sockets"),
    ("tasks, thread pool, channels", r"ThreadPool|System\.Threading\.Tasks|AsyncTaskMethodBuilder|ExecutionContext|System\.Threading\.Channels"),
    ("JIT", r"libclrjit"),
    ("runtime (libcoreclr: allocation, GC, locks, casts)", r"libcoreclr"),
]
OWNERS = [(n, re.compile(p)) for n, p in OWNERS]
KINDS = [(n, re.compile(p)) for n, p in KINDS]


def classify(thread, frames):
    if thread.startswith("mosquitto"):
        return "Mosquitto broker process", "kernel" if frames and "[kernel.kallsyms]" in frames[0] else "broker"
    owner = next((name for f in frames for name, rx in OWNERS if rx.search(f)), None)
    if owner is None:
        owner = "runtime: tiered JIT compiler thread" if thread.startswith(".NET Tiered") else "runtime, thread pool, other"
    kind = "kernel (syscalls, TCP loopback, scheduler)" if frames and "[kernel.kallsyms]" in frames[0] else None
    for f in frames[:16]:
        if kind:
            break
        if "[kernel.kallsyms]" in f:
            continue
        kind = next((name for name, rx in KINDS if rx.search(f)), None)
    return owner, kind or "managed code"


def main():
    owners, kinds, total = collections.Counter(), collections.Counter(), 0
    thread, frames = None, []

    def flush():
        nonlocal total
        if thread is not None:
            o, k = classify(thread, frames)
            owners[o] += 1
            kinds[k] += 1
            total += 1

    for line in open(sys.argv[1], errors="replace"):
        if not line.strip():
            flush()
            thread, frames = None, []
        elif not line[0].isspace():
            thread = line.rsplit(" ", 1)[0].strip()
        else:
            parts = line.strip().split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else "")
    flush()
    per_key = float(sys.argv[2]) if len(sys.argv) > 2 else None
    unit = "| share | CPU us/key |" if per_key else "| share |"
    for title, table in (("component (innermost owner)", owners), ("kind of work (leaf frames)", kinds)):
        print(f"| {title} {unit}")
        print("|---|---:|" + ("---:|" if per_key else ""))
        for name, n in table.most_common():
            share = n / total
            print(f"| {name} | {share:.1%} |" + (f" {share * per_key * 1000:.0f} |" if per_key else ""))
        print()
    print(f"{total} samples")


if __name__ == "__main__":
    main()
