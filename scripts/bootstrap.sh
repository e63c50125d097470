#!/usr/bin/env bash
# Installs what the project needs, only what is missing: Debian's QGIS 3.22 stack and a .venv
# (Debian's /usr/bin/python3 with --system-site-packages, so PyQGIS imports) with pinned dev tools.
# Idempotent: a second run checks and returns in a few seconds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# Debian packages (see ../shared/environment.md): QGIS + PyQGIS, Qt translation tools, headless display,
# the scientific stack PyQGIS must share (numpy < 2), a CJK font for charts, zip for packaging and poppler-utils
# (pdftotext, pdffonts: the tests read back the PDF reports).
APT_PACKAGES=(qgis python3-qgis qgis-providers python3-pip python3-venv xvfb xauth qttools5-dev-tools
  pyqt5-dev-tools python3-matplotlib python3-shapely python3-scipy python3-pandas python3-openpyxl
  gdal-bin fonts-noto-cjk zip unzip poppler-utils)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The venv must be built on Debian's interpreter: the first python3 on PATH may be another one without qgis.
VENV="$here/.venv"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import qgis.core" 2>/dev/null; then
  echo "bootstrap: creating $VENV"
  rm -rf "$VENV"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi

# Reinstall the pinned requirements only when a requirements file changed.
REQ="$here/requirements-dev.txt"
NODEPS="$here/requirements-nodeps.txt"
# Debian 12 (bookworm, QGIS 3.22) has numpy 1.24: numpy 2 would break its GDAL and matplotlib bindings, so pip
# must not bring it. Debian 13 (trixie, QGIS 3.40) is built on numpy 2: no cap there.
CONSTRAINTS="$here/constraints.txt"
case "$(cut -d. -f1 /etc/debian_version 2>/dev/null)" in
  12|"") ;;
  *) CONSTRAINTS="$here/constraints-numpy2.txt" ;;
esac
STAMP="$VENV/.requirements.sha256"
want="$(cat "$REQ" "$NODEPS" "$CONSTRAINTS" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ]; then
  echo "bootstrap: installing pinned Python requirements"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQ" -c "$CONSTRAINTS"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$NODEPS"
  echo "$want" > "$STAMP"
fi
echo "bootstrap: ready ($("$VENV/bin/python" -c 'from qgis.core import Qgis; print("QGIS", Qgis.QGIS_VERSION)'))"
