#!/usr/bin/env bash
# Runs every test on a fresh Debian/Ubuntu machine with the .NET 10 SDK: installs what the tests need first
# (Mosquitto, its clients, iproute2, nats-server and PostgreSQL), then builds and tests the .NET projects (GatewayQkd.Dotnet.slnf).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need: Mosquitto (broker integration tests, Mosquitto LAN configuration of the bench guide),
# mosquitto-clients (mosquitto_pub as a LAN client), iproute2 (`ip netns`: the network namespace standing in for
# the LAN in the listen tests, which fail rather than skip without it), nats-server (the clustered MQTT broker of the
# scale-out tests: 3 nodes with JetStream on loopback) and postgresql (initdb/pg_ctl for the PostgreSQL key store tests;
# each test starts its own throw-away server on a Unix socket, the package's own service is not used).
missing=()
{ command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ]; } || missing+=(mosquitto)
command -v mosquitto_pub >/dev/null 2>&1 || missing+=(mosquitto-clients)
{ command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || [ -x /sbin/ip ]; } || missing+=(iproute2)
{ command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; } || missing+=(nats-server)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

results="$(pwd)/out/test-results"
rm -rf "$results"
echo "== building and testing (GatewayQkd.Dotnet.slnf, Release)"
status=0
dotnet test GatewayQkd.Dotnet.slnf -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line for the whole run, summed over the per-assembly TRX files.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None:
        continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
