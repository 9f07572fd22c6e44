#!/usr/bin/env bash
# Mobilizes a city on a cluster of local silos and prints the figures of the README's "Running a cluster":
#   bash deploy/local/cluster-mobilize.sh [SILOS=3] [LEAFLETS=3] [CITY=samples/city-1m.yaml] [-- extra `orgtasks silo` options]
# It starts a private managed PostgreSQL in a temporary folder, SILOS silos of one cluster on it (ports 21111+i,
# 31000+i on 127.0.0.1), applies the city, issues LEAFLETS citywide leaflets one after another (each to 100 %), then
# restarts every silo and issues one more (every grain activated again from the database on the way), and stops
# everything it started.
set -euo pipefail
cd "$(dirname "$0")/../.."

silos="${1:-3}"; leaflets="${2:-3}"; city="${3:-samples/city-1m.yaml}"
shift $(( $# < 3 ? $# : 3 )); [ "${1:-}" = "--" ] && shift
extra=("$@")
# The silos' tiered compilation, as every deployment file sets it (src/OrgTasks.Silo/Hosting/RuntimeTiering.cs).
export DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=0x1000
dll=src/OrgTasks.Cli/bin/Release/net10.0/orgtasks.dll
[ -f "$dll" ] || dotnet build src/OrgTasks.Cli -c Release >&2
orgtasks() { dotnet "$dll" "$@"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.1f'; }

data="$(mktemp -d /tmp/orgtasks-cluster-XXXXXX)"; chmod 755 "$data"
declare -a pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  orgtasks db stop --data "$data" >/dev/null 2>&1 || true
  if [ "$status" -ne 0 ]; then
    # A silo that died says why in its log (a silo the others voted dead ends itself: "Aborted").
    logs="$(mktemp -d /tmp/orgtasks-cluster-logs-XXXXXX)"; cp "$data"/*.log "$logs"/ 2>/dev/null || true
    echo "silo logs kept in $logs" >&2
  fi
  rm -rf "$data"
}
trap cleanup EXIT

# The connection string as printed: the default pool of each silo fits the managed server's limit.
connection="$(orgtasks db start --data "$data" --json | jq -r .connectionString)"
cluster="bench-$RANDOM"
gateways="$(seq -s, -f '127.0.0.1:%g' 31000 $(( 31000 + silos - 1 )))"

start_silos() {
  pids=()
  for i in $(seq 0 $(( silos - 1 ))); do
    dotnet "$dll" silo --connection "$connection" --cluster-id "$cluster" --silo-port $(( 21111 + i )) --gateway-port $(( 31000 + i )) \
      "${extra[@]}" > "$data/silo$i.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 0 $(( silos - 1 ))); do
    until grep -qx ready "$data/silo$i.log"; do
      kill -0 "${pids[$i]}" 2>/dev/null || { cat "$data/silo$i.log" >&2; exit 1; }
      sleep 0.2
    done
  done
}

stop_silos() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do timeout 60 tail --pid="$pid" -f /dev/null || kill -KILL "$pid" 2>/dev/null || true; done
}

mobilize() {
  local id status
  # The progress bar goes to a file; on a failure it is shown.
  id="$(orgtasks leaflet issue --from city --title "Mobilization $1" --text "Everyone out" --gateway "$gateways" --cluster-id "$cluster" --wait 2>"$data/client.err" | tail -n 1)" \
    || { cat "$data/client.err" >&2; exit 1; }
  status="$(orgtasks leaflet status "$id" --json --gateway "$gateways" --cluster-id "$cluster")"
  # secondsTo100 is the tracker's own figure: from the issue to the last home, without the client's start-up.
  printf '%-28s %s of %s homes, duplicates %s, to 100 %%: %s s\n' "$1" \
    "$(jq .homesReached <<<"$status")" "$(jq .homesTotal <<<"$status")" "$(jq .duplicates <<<"$status")" \
    "$(jq '.secondsTo100 * 100 | round / 100' <<<"$status")"
}

echo "silos: $silos, cluster $cluster, options: ${extra[*]:-(none)}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_silos
t="$(now)"; orgtasks org apply "$city" --gateway "$gateways" --cluster-id "$cluster" > /dev/null 2>"$data/client.err" || { cat "$data/client.err" >&2; exit 1; }; echo "apply, first time            $(since "$t") s"
mobilize "first leaflet after apply"
for n in $(seq 2 "$leaflets"); do mobilize "warm leaflet $n"; done
stop_silos; t="$(now)"; start_silos; echo "restart of every silo        $(since "$t") s"
mobilize "first after a restart"
rss=0; for pid in "${pids[@]}"; do rss=$(( rss + $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") )); done
echo "peak working set, all silos: $(( rss / 1024 )) MB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
