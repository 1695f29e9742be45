#!/usr/bin/env bash
# The tests open the files we write in LibreOffice (an independent spreadsheet application).
# Installs Debian's libreoffice-calc-nogui when soffice is missing; does nothing when it is there.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need LibreOffice: install it first, e.g. sudo apt-get install -y libreoffice-calc-nogui" >&2
  exit 1
fi
echo "Installing LibreOffice (libreoffice-calc-nogui) for the tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq libreoffice-calc-nogui >/dev/null
command -v soffice >/dev/null
