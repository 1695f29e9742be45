#!/usr/bin/env bash
# Real workbooks no one here wrote, for the tests: the .xlsx files that Debian packages ship (test
# data and examples of R, Python and Octave spreadsheet libraries, made by Excel for Windows, Mac
# and the web, LibreOffice and OpenOffice). test/fixtures/corpus/corpus.json lists each file with
# its package, path and licence; the files are fetched here, never committed (their licences are
# in each package's copyright file, copied beside them).
# Usage: bash scripts/fetch-corpus.sh [folder]   (default .cache/corpus; does nothing when complete)
set -euo pipefail
cd "$(dirname "$0")/.."
DEST="${1:-.cache/corpus}"
PACKAGES="r-cran-openxlsx r-cran-readxl r-cran-gdata xlsx2csv r-cran-kutils python3-pyutilib python3-anndata octave-io r-cran-samr"
if [ -f "$DEST/.complete" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "The workbook corpus comes from Debian packages (apt-get download): run the tests on Debian or Ubuntu." >&2
  exit 1
fi
rm -rf "$DEST"
mkdir -p "$DEST/debs" "$DEST/unpacked"
(
  cd "$DEST/debs"
  # apt-get download needs the package lists; a fresh machine may have none yet.
  apt-get download $PACKAGES >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get update -qq && apt-get download $PACKAGES >/dev/null; }
)
for deb in "$DEST"/debs/*.deb; do dpkg-deb -x "$deb" "$DEST/unpacked"; done
node -e '
const fs = require("fs"), path = require("path");
const [dest, list] = process.argv.slice(1);
const corpus = JSON.parse(fs.readFileSync(list, "utf8"));
for (const entry of corpus.files) {
  const from = path.join(dest, "unpacked", entry.path);
  if (!fs.existsSync(from)) { console.error(`missing from ${entry.package}: ${entry.path}`); process.exit(1); }
  fs.mkdirSync(path.join(dest, "files", entry.package), { recursive: true });
  fs.copyFileSync(from, path.join(dest, "files", entry.package, path.basename(entry.path)));
  const copyright = path.join(dest, "unpacked", "usr/share/doc", entry.package, "copyright");
  if (fs.existsSync(copyright)) fs.copyFileSync(copyright, path.join(dest, "files", entry.package, "copyright"));
}
' "$DEST" test/fixtures/corpus/corpus.json
rm -rf "$DEST/debs" "$DEST/unpacked"
touch "$DEST/.complete"
echo "Workbook corpus: $(find "$DEST/files" -name '*.xlsx' | wc -l) files in $DEST/files"
