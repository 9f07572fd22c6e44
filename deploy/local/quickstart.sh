#!/usr/bin/env bash
# Sets OrgTasks up on a fresh machine and runs the demo mobilization: installs PostgreSQL (and, for the test suite,
# curl and Chromium) if missing, builds the `orgtasks` command, starts the managed PostgreSQL and a silo in-process, applies samples/st-petersburg.yaml, issues
# a leaflet to the whole city and waits for full coverage.
# Extra arguments go to `orgtasks demo` (for example: --city samples/city-1m.yaml, --json).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "quickstart: the .NET 10 SDK is needed (dotnet on PATH); see https://dot.net" >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The silo's tiered compilation, as every deployment file sets it (src/OrgTasks.Silo/Hosting/RuntimeTiering.cs).
export DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=0x1000

bash deploy/local/ensure-postgres.sh
# What the test suite (the Quick start's second command) drives besides PostgreSQL: curl and Chromium.
bash deploy/local/ensure-test-tools.sh
echo "building orgtasks (Release)..." >&2
dotnet build src/OrgTasks.Cli -c Release -v quiet -nologo >&2
exec dotnet src/OrgTasks.Cli/bin/Release/net10.0/orgtasks.dll demo "$@"
