#!/usr/bin/env bash
# Writes the full JSON result (summary, per-K_sec rows, pool-level samples) of the simulator's reference runs into
# OUT_DIR, one file per run, so that an engine change can be checked to leave every result bit-identical:
#   scripts/sim-identical.sh /tmp/before          # on the old commit
#   scripts/sim-identical.sh /tmp/after           # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
# Runs: every scheme at L_req 1.5 (4 gateways), DDKA at the default L_req 0.2, and the scale preset (2000 gateways);
# 10^7 requests each unless REQUESTS is given. Seed 1 (the default).
set -euo pipefail
out=${1:?usage: sim-identical.sh OUT_DIR [REQUESTS]}
requests=${2:-10000000}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/GatewayQkd.Cli" -c Release -v quiet -nologo >/dev/null
cli="$root/host/GatewayQkd.Cli/bin/Release/net10.0/gatewayqkd"
mkdir -p "$out"
for scheme in DDKA KoD RAKP DSKP S1 S2 S3 KoD-FirstFit RAKP-Slotted DSKP-BySecurity; do
  "$cli" simulate -n "$requests" --scheme "$scheme" --load 1.5 --json > "$out/$scheme-load1.5.json"
done
"$cli" simulate -n "$requests" --scheme DDKA --load 0.2 --json > "$out/DDKA-load0.2.json"
"$cli" simulate -n "$requests" --preset scale --json > "$out/scale.json"
echo "wrote $(ls "$out" | wc -l) results to $out"
