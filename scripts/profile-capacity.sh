#!/usr/bin/env bash
# Where a `bench capacity` step spends its CPU: runs one Mosquitto step at GATEWAYS (default 100) for 35 s, attaches
# `perf record` to the emulation process and its Mosquitto child for 10 s once the step has run 22 s (start-up,
# warm-up and most tiered compilation are over), then prints the per-component table (scripts/perf-components.py).
# Needs perf (apt-get install linux-perf) and a Release build of host/GatewayQkd.Cli. Output files go to OUT (default
# out/profile). START (default 2) is the step's key requests/s per gateway (bench capacity --start). The step's own
# CPU ms/key (from its row in the log) turns the shares into microseconds per key.
set -euo pipefail
gateways=${1:-100}
out=${2:-out/profile}
start=${3:-2}
mkdir -p "$out"
cli=host/GatewayQkd.Cli/bin/Release/net10.0/gatewayqkd.dll
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 # perf map names JIT code; W^X double mapping hides it
dotnet "$cli" bench capacity --gateways "$gateways" --seconds 35 --steps 1 --start "$start" --brokers mosquitto > "$out/bench.log" 2>&1 &
bench=$!
until grep -q "raw QoS 1 publish, mosquitto" "$out/bench.log"; do sleep 0.5; done
sleep 22
broker=$(pgrep -P "$bench" mosquitto || true)
perf record -F 999 -g -o "$out/perf.data" -p "$bench${broker:+,$broker}" -- sleep 10 > /dev/null 2>&1
wait "$bench"
perf script -i "$out/perf.data" -F comm,pid,tid,ip,sym,dso > "$out/perf.txt" 2> /dev/null
row=$(grep -m1 "^  | mosquitto | $gateways | [0-9]" "$out/bench.log")
echo "$row"
cpu_ms=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $11); print $11}')
python3 scripts/perf-components.py "$out/perf.txt" "$cpu_ms"
