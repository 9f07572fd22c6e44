#!/usr/bin/env bash
# Makes sure the programs the test suite drives are on this machine (Debian's packages): curl, which runs the README's
# HTTP examples, and Chromium, in which Playwright opens the web pages (Playwright downloads no browser here).
# Installs nothing when they are already there.
set -euo pipefail

missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "the tests need ${missing[*]}; as root run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing ${missing[*]} (apt-get install -y ${missing[*]})..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq "${missing[@]}" >&2
