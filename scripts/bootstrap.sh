#!/usr/bin/env bash
# Installs what the project needs, only what is missing: Debian's QGIS stack (Debian 12: QGIS 3.22, Python 3.11,
# numpy 1.24; Debian 13: QGIS 3.40, Python 3.13, numpy 2.2) and a .venv (Debian's /usr/bin/python3 with
# --system-site-packages, so PyQGIS imports) with pinned dev tools.
# Idempotent: a second run checks and returns in a few seconds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# Debian packages (see ../shared/environment.md): QGIS + PyQGIS, Qt translation tools, headless display,
# the scientific stack PyQGIS must share (Debian's numpy, never pip's), a CJK font for charts, zip for packaging and poppler-utils
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
# pip must never replace Debian's numpy: Debian's GDAL, matplotlib and scipy bindings are built against it. Debian 12
# (bookworm, QGIS 3.22) has numpy 1.24, so numpy 2 is capped there (constraints.txt); Debian 13 (trixie, QGIS 3.40)
# is built on numpy 2 (constraints-numpy2.txt, no cap). Read off /etc/debian_version; a derivative whose file names
# no release number is judged by the numpy Debian installed.
debian_major="$(cut -d. -f1 /etc/debian_version 2>/dev/null || true)"
case "$debian_major" in
  ''|*[!0-9]*) debian_major="$(/usr/bin/python3 -c 'import numpy; print(13 if int(numpy.__version__.split(".")[0]) >= 2 else 12)' 2>/dev/null || echo 12)" ;;
esac
CONSTRAINTS="$here/constraints.txt"
if [ "$debian_major" -ge 13 ]; then CONSTRAINTS="$here/constraints-numpy2.txt"; fi
STAMP="$VENV/.requirements.sha256"
want="$(cat "$REQ" "$NODEPS" "$CONSTRAINTS" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ]; then
  echo "bootstrap: installing pinned Python requirements"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQ" -c "$CONSTRAINTS"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$NODEPS"
  if ! "$VENV/bin/python" -c 'import numpy, sys; sys.exit(not numpy.__file__.startswith("/usr/lib/"))'; then
    echo "bootstrap: pip installed its own numpy into $VENV, which would break Debian's GDAL bindings;" \
      "pin it in $(basename "$CONSTRAINTS")" >&2
    exit 1
  fi
  echo "$want" > "$STAMP"
fi
echo "bootstrap: ready ($("$VENV/bin/python" -c 'from qgis.core import Qgis; print("QGIS", Qgis.QGIS_VERSION)'))"
