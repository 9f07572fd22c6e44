#!/usr/bin/env bash
# Chaos soak: three silos on one managed PostgreSQL, statements and leaflets flowing, one silo killed (SIGKILL) and
# started again every KILL_EVERY seconds in turn, PostgreSQL itself restarted once halfway; at the end nothing may be
# lost or doubled and every leaflet must have reached 100 % of its homes.
#   bash bench/chaos-soak.sh [SECONDS=600] [KILL_EVERY=30] [HOMES=100000]
#   bash bench/chaos-soak.sh 120 30 10000      # the two-minute version
# Statements: `orgtasks loadtest statements --rate 20` for the whole time (it counts lost and doubled at the end).
# Leaflets: `orgtasks loadtest mobilize --leaflets 1` one after another (each checks 100 %, 0 duplicates, 0 missing).
# Exit code 0 only when every one of them passed. Logs stay in the printed folder when something failed.
# Needs only dotnet and the PostgreSQL binaries (`bash deploy/local/ensure-postgres.sh`); the silos' first start makes
# the signing keys, the operator's credential and the TLS certificates (in $ORGTASKS_CONFIG, else ~/.config/orgtasks).
# Environment: ORGTASKS_DLL (default: the CLI's Release build, built when missing); SOAK_SILO_PORTS, SOAK_GATEWAY_PORTS,
# SOAK_HEALTH_PORTS: three ports each, space-separated (defaults 23100-23102, 33100-33102, 8180-8182).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"; kill_every="${2:-30}"; homes="${3:-100000}"
dll="${ORGTASKS_DLL:-src/OrgTasks.Cli/bin/Release/net10.0/orgtasks.dll}"
[ -f "$dll" ] || dotnet build src/OrgTasks.Cli -c Release >&2
orgtasks() { dotnet "$dll" "$@"; }
read -r -a silo_ports <<< "${SOAK_SILO_PORTS:-23100 23101 23102}"
read -r -a gateway_ports <<< "${SOAK_GATEWAY_PORTS:-33100 33101 33102}"
read -r -a health_ports <<< "${SOAK_HEALTH_PORTS:-8180 8181 8182}"

work="$(mktemp -d /tmp/orgtasks-soak-XXXXXX)"; chmod 755 "$work"
data="$work/data"; mkdir -m 755 "$data"
cluster="soak-$RANDOM"
gateways="127.0.0.1:${gateway_ports[0]},127.0.0.1:${gateway_ports[1]},127.0.0.1:${gateway_ports[2]}"
declare -a pids=(0 0 0)
# A process and everything it started, children first (a load test runs as `dotnet` under a subshell, a leaflet run
# under the loop's subshell: killing only the subshell would leave them running).
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
  kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT TERM INT
  local child
  for child in $(pgrep -P $$ 2>/dev/null); do kill_tree "$child"; done
  orgtasks db stop --data "$data" >/dev/null 2>&1 || true
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "soak: logs kept in $work" >&2; fi
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
# Sleeps in the background so that a TERM (a test's time limit) is handled at once, not after the sleep.
pause() { sleep "$1" & wait $!; }

# The connection string from the JSON without jq (not on every machine); it has no quotes or escapes in it.
connection="$(orgtasks db start --data "$data" --json | sed -n 's/.*"connectionString": *"\([^"]*\)".*/\1/p')"
[ -n "$connection" ] || { echo "soak: the managed PostgreSQL did not start" >&2; exit 1; }
start_silo() {
  local i=$1
  echo "--- start $(date +%T) ---" >> "$work/silo$i.log"
  dotnet "$dll" silo --connection "$connection" --cluster-id "$cluster" --silo-port "${silo_ports[$i]}" \
    --gateway-port "${gateway_ports[$i]}" --health-port "${health_ports[$i]}" >> "$work/silo$i.log" 2>&1 &
  pids[$i]=$!
  until [ "$(grep -c '^ready$' "$work/silo$i.log")" -ge "$2" ]; do
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "soak: silo $i exited" >&2; tail -n 30 "$work/silo$i.log" >&2; exit 1; }
    pause 0.2
  done
}
declare -a starts=(0 0 0)
for i in 0 1 2; do starts[$i]=1; start_silo "$i" 1; done
echo "soak: cluster $cluster of 3 silos up; ${seconds} s, a silo killed every ${kill_every} s, PostgreSQL restarted once; city of ~$homes homes"

orgtasks loadtest statements --homes "$homes" --gateway "$gateways" --cluster-id "$cluster" --rate 20 \
  --duration "${seconds}s" --drain 180s > "$work/statements.txt" 2> "$work/statements.err" &
statements=$!
end=$(( $(date +%s) + seconds ))
(
  n=0
  while [ "$(date +%s)" -lt "$end" ]; do
    n=$(( n + 1 ))
    orgtasks loadtest mobilize --homes "$homes" --gateway "$gateways" --cluster-id "$cluster" --leaflets 1 --warmup 0 \
      > "$work/leaflet-$n.txt" 2> "$work/leaflet-$n.err" \
      || echo "leaflet run $n failed: $(grep -m1 -A1 '^orgtasks:' "$work/leaflet-$n.err" | tr '\n' ' ' | cut -c1-240)" >> "$work/failures"
  done
) &
leaflets=$!

victim=0; restarted_postgres=0
while [ "$(date +%s)" -lt "$end" ]; do
  pause "$kill_every"
  [ "$(date +%s)" -lt "$end" ] || break
  if [ "$restarted_postgres" -eq 0 ] && [ "$(date +%s)" -ge $(( end - seconds / 2 )) ]; then
    echo "soak: $(date +%T) restarting PostgreSQL"
    orgtasks db stop --data "$data" > /dev/null
    orgtasks db start --data "$data" > /dev/null
    restarted_postgres=1
    continue
  fi
  echo "soak: $(date +%T) SIGKILL silo $victim, then start it again"
  kill -KILL "${pids[$victim]}"; wait "${pids[$victim]}" 2>/dev/null || true
  starts[$victim]=$(( starts[$victim] + 1 )); start_silo "$victim" "${starts[$victim]}"
  victim=$(( (victim + 1) % 3 ))
done

status=0
wait "$statements" || status=1
wait "$leaflets" || true
# Lines of the load tests' reports, with their leading spaces and column padding squeezed out.
squeeze() { tr -s ' ' | sed 's/^ //'; }
echo "soak: statements: $(grep -m1 -E '^\s+sent' "$work/statements.txt" | squeeze)"
echo "soak: statements: $(grep -m1 -iE 'lost' "$work/statements.txt" | squeeze || echo 'no result')"
leaflet_runs=$(ls "$work"/leaflet-*.txt 2>/dev/null | wc -l)
echo "soak: leaflets: $leaflet_runs runs; $(grep -h 'homes reached' "$work"/leaflet-*.txt | sort | uniq -c | squeeze)"
[ -f "$work/failures" ] && { cat "$work/failures"; status=1; }
[ "$status" -eq 0 ] && echo "soak: passed: 0 lost, 0 doubled, every leaflet at 100 %" || echo "soak: FAILED" >&2
exit "$status"
