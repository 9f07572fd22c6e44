#!/usr/bin/env bash
# Makes sure PostgreSQL's server programs are on this machine (Debian's package), so that OrgTasks can run its own
# private server. Installs nothing when they are already there. It does not start any server: `orgtasks` does that,
# as an unprivileged user, in its own data folder, listening on 127.0.0.1 only.
set -euo pipefail

have_postgres() {
  command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

if have_postgres; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL is not installed; as root run: apt-get install -y postgresql" >&2
  exit 1
fi
echo "installing PostgreSQL (apt-get install -y postgresql)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq postgresql >&2
have_postgres || { echo "PostgreSQL was installed but initdb was not found" >&2; exit 1; }
