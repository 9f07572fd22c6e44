#!/usr/bin/env bash
# How the size of a silo's PostgreSQL pool changes apply and mobilization, to size the default from a measurement:
#   bash bench/pool-size.sh [HOMES=100000] [POOLS="20 40 80"]
# For each pool size: a fresh managed PostgreSQL in a temporary folder, then `orgtasks loadtest mobilize` on it
# (apply of a generated city, a cold leaflet, warm leaflets), with the pool set in the connection string. Prints one
# line per pool with apply, cold and warm time to 100 %; the full reports go to bench/results/pool-<N>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
homes="${1:-100000}"; pools="${2:-20 40 80}"
dll=src/OrgTasks.Cli/bin/Release/net10.0/orgtasks.dll
[ -f "$dll" ] || dotnet build src/OrgTasks.Cli -c Release >&2
orgtasks() { dotnet "$dll" "$@"; }
for pool in $pools; do
  data="$(mktemp -d /tmp/orgtasks-pool-XXXXXX)"; chmod 755 "$data"
  trap 'orgtasks db stop --data "$data" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
  base="$(orgtasks db start --data "$data" --json | jq -r .connectionString)"
  connection="$(sed -E "s/Maximum Pool Size=[0-9]+/Maximum Pool Size=$pool/" <<<"$base")"
  out="bench/results/pool-$pool.txt"
  orgtasks loadtest mobilize --homes "$homes" --connection "$connection" --leaflets 3 --warmup 0 > "$out" 2> /dev/null
  printf 'pool %3s: %s | %s\n' "$pool" "$(grep -m1 -iE 'apply' "$out" | tr -s ' ')" "$(grep -m2 -iE '100 %' "$out" | tr -s ' ' | paste -sd ' ')"
  orgtasks db stop --data "$data" >/dev/null 2>&1 || true; rm -rf "$data"; trap - EXIT
done
