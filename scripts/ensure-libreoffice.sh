#!/usr/bin/env bash
# The tests open the files we write in LibreOffice (an independent spreadsheet application), and
# draw the review's pictures with Chinese text (a CJK font). Installs Debian's
# libreoffice-calc-nogui and fonts-wqy-microhei when missing; does nothing when both are there.
set -euo pipefail
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; }
if command -v soffice >/dev/null 2>&1 && has_cjk_font; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need LibreOffice and a Chinese font: install them first, e.g. sudo apt-get install -y libreoffice-calc-nogui fonts-wqy-microhei" >&2
  exit 1
fi
echo "Installing LibreOffice (libreoffice-calc-nogui) and a Chinese font (fonts-wqy-microhei) for the tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq libreoffice-calc-nogui fonts-wqy-microhei >/dev/null
command -v soffice >/dev/null
