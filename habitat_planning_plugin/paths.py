"""Where the plugin's files are, both in the source tree and in an installed plugin folder."""

import configparser
import os
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
PLUGIN_NAME = PLUGIN_DIR.name


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


# An installed plugin carries resources/, i18n/ and metadata.txt inside its folder; the source tree has them
# one level up.
RESOURCES_DIR = _first_existing(PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources")
I18N_DIR = _first_existing(PLUGIN_DIR / "i18n", PLUGIN_DIR.parent / "build" / "i18n")
METADATA_FILE = _first_existing(PLUGIN_DIR / "metadata.txt", PLUGIN_DIR.parent / "metadata.txt")


def resource_path(*parts: str) -> str:
    return str(RESOURCES_DIR.joinpath(*parts))


def plugin_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(METADATA_FILE, encoding="utf-8")
    return parser.get("general", "version", fallback="unknown")


def readable_source(text) -> str:
    """A data source as a person reads it: "city.gpkg › streets" for a layer of a file, the file name for a file,
    anything else (a layer id, a field name) unchanged."""
    path, _, rest = str(text).partition("|")
    if not os.path.isabs(path):
        return str(text)
    layer = next((part.split("=", 1)[1] for part in rest.split("|") if part.startswith("layername=")), None)
    return f"{os.path.basename(path)} › {layer}" if layer else os.path.basename(path)
