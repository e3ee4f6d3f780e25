"""The desktop entry and the .lsb file type the .deb installs agree with each other and with
the bundles Liaison writes."""

from __future__ import annotations

from configparser import ConfigParser
from pathlib import Path
from xml.etree import ElementTree

from liaison.sync.exchange.envelope import MAGIC

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def test_the_desktop_entry_opens_bundles_of_the_type_the_package_registers() -> None:
    entry = ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(INSTALLER / "linux" / "liaison.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == "百千万企业走访联络" and desktop["Exec"] == "liaison %f"
    assert desktop["Icon"] == "liaison" and desktop["StartupWMClass"] == "liaison"
    xml = ElementTree.parse(INSTALLER / "linux" / "liaison-bundle.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = xml.find("m:mime-type", ns)
    assert mime is not None
    assert desktop["MimeType"] == f"{mime.get('type')};"
    glob = mime.find("m:glob", ns)
    match = mime.find("m:magic/m:match", ns)
    assert glob is not None and glob.get("pattern") == "*.lsb"
    assert match is not None and match.get("value", "").encode() == MAGIC
