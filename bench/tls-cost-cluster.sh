#!/usr/bin/env bash
# What TLS costs between silos: three silos on one managed PostgreSQL (a temporary folder), a city of HOMES homes
# applied and mobilized through their gateways by `orgtasks loadtest mobilize --gateway …`, once with TLS (the
# default: mutual TLS between the silos, TLS to the gateways) and once with --insecure, alternating:
#   bash bench/tls-cost-cluster.sh [HOMES=100000] [ROUNDS=2]
# Reports go to bench/results/tls-cluster-*.txt; one line per run is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
homes="${1:-100000}"; rounds="${2:-2}"
dll=src/OrgTasks.Cli/bin/Release/net10.0/orgtasks.dll
[ -f "$dll" ] || dotnet build src/OrgTasks.Cli -c Release >&2
data="$(mktemp -d /tmp/orgtasks-tls-XXXXXX)"; chmod 755 "$data"
declare -a pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  dotnet "$dll" db stop --data "$data" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
connection="$(dotnet "$dll" db start --data "$data" --json | jq -r .connectionString)"
for round in $(seq 1 "$rounds"); do
  for links in tls insecure; do
    flag=(); [ "$links" = insecure ] && flag=(--insecure)
    cluster="tls-$links-$round-$RANDOM"; pids=()
    for i in 0 1 2; do
      dotnet "$dll" silo --connection "$connection" --cluster-id "$cluster" --silo-port $(( 22111 + i )) --gateway-port $(( 32000 + i )) \
        "${flag[@]}" > "$data/silo$i.log" 2>&1 &
      pids+=($!)
    done
    for i in 0 1 2; do
      until grep -qx ready "$data/silo$i.log"; do kill -0 "${pids[$i]}" 2>/dev/null || { cat "$data/silo$i.log" >&2; exit 1; }; sleep 0.2; done
    done
    out="bench/results/tls-cluster-$links-$round.txt"
    dotnet "$dll" loadtest mobilize --homes "$homes" --leaflets 3 --warmup 1 --gateway 127.0.0.1:32000,127.0.0.1:32001,127.0.0.1:32002 \
      --cluster-id "$cluster" "${flag[@]}" > "$out" 2> /dev/null
    printf '%-8s round %s: %s | %s\n' "$links" "$round" "$(grep -m1 'apply' "$out" | tr -s ' ')" "$(grep -m1 'time to 100 %' "$out" | tr -s ' ')"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do timeout 60 tail --pid="$pid" -f /dev/null || kill -KILL "$pid" 2>/dev/null || true; done
  done
done
