#!/usr/bin/env bash
# The tests open the files we write in LibreOffice (an independent spreadsheet application) and in
# openpyxl (an independent strict reader, Debian's python3-openpyxl), check XML with xmllint, and
# draw the review's pictures with Chinese text (a CJK font). Installs Debian's
# libreoffice-calc-nogui, python3-openpyxl, libxml2-utils and fonts-wqy-microhei when missing;
# does nothing when all are there.
set -euo pipefail
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; }
has_openpyxl() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1; }
if command -v soffice >/dev/null 2>&1 && has_cjk_font && has_openpyxl && command -v xmllint >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need LibreOffice, openpyxl, xmllint and a Chinese font: install them first, e.g. sudo apt-get install -y libreoffice-calc-nogui python3-openpyxl libxml2-utils fonts-wqy-microhei" >&2
  exit 1
fi
echo "Installing LibreOffice (libreoffice-calc-nogui), openpyxl, xmllint and a Chinese font (fonts-wqy-microhei) for the tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq libreoffice-calc-nogui python3-openpyxl libxml2-utils fonts-wqy-microhei >/dev/null
command -v soffice >/dev/null
