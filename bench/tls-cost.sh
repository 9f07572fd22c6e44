#!/usr/bin/env bash
# What TLS costs on the load test: `orgtasks loadtest mobilize --homes HOMES --storage memory`, with TLS (the default)
# and with --insecure, alternating so that a busy neighbour weighs on both alike:
#   bash bench/tls-cost.sh [HOMES=100000] [ROUNDS=3]
# Prints one line per run (cold and warm median time to 100 %, grain calls/s); the reports go to bench/results/tls-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
homes="${1:-100000}"; rounds="${2:-3}"
dll=src/OrgTasks.Cli/bin/Release/net10.0/orgtasks.dll
[ -f "$dll" ] || dotnet build src/OrgTasks.Cli -c Release >&2
for round in $(seq 1 "$rounds"); do
  for links in tls insecure; do
    out="bench/results/tls-$links-$round.txt"
    flag=(); [ "$links" = insecure ] && flag=(--insecure)
    dotnet "$dll" loadtest mobilize --homes "$homes" --storage memory --leaflets 5 --warmup 1 "${flag[@]}" > "$out" 2> /dev/null
    printf '%-8s round %s: %s\n' "$links" "$round" "$(grep -m1 'time to 100 %' "$out" | tr -s ' ')"
  done
done
