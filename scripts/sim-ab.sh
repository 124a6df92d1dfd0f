#!/usr/bin/env bash
# Times the simulator at an older commit (A) against this working tree (B), alternately in one process
# (scripts/sim-ab/Program.cs), and prints best and median requests per CPU-second of each and the median of the
# per-pair ratios B/A. Use it for engine speed changes on a shared machine; run it with A = B once to see the noise.
#   scripts/sim-ab.sh OLD_REV [CONFIG] [REQUESTS] [PAIRS]
# CONFIG: a scheme name (at L_req 1.5, 4 gateways; default DDKA), ddka-0.2 or scale; REQUESTS per run (default
# 1000000); PAIRS (default 40). Results are checked separately: scripts/sim-identical.sh.
set -euo pipefail
old=${1:?usage: sim-ab.sh OLD_REV [CONFIG] [REQUESTS] [PAIRS]}
config=${2:-DDKA}
requests=${3:-1000000}
pairs=${4:-40}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old-src"
git -C "$root" archive "$old" | tar -x -C "$work/old-src"
dotnet build "$root/scripts/sim-ab/SimAb.csproj" -c Release -v quiet -nologo -o "$work/a" -p:SimRoot="$work/old-src" >/dev/null
dotnet build "$root/scripts/sim-ab/SimAb.csproj" -c Release -v quiet -nologo -o "$work/b" >/dev/null
uptime
dotnet "$work/b/SimAb.dll" "$work/a" "$work/b" "$config" "$requests" "$pairs"
uptime
