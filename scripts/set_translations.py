"""Fill unfinished entries of resources/i18n/liaison_en.ts from a JSON {source: translation}.

    .venv/bin/python scripts/set_translations.py translations.json

Only messages still marked unfinished are touched; run scripts/update_translations.sh after it.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "liaison_en.ts"


def main() -> None:
    wanted: dict[str, str] = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    text = TS.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    done = 0
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished" or source not in wanted:
            continue
        translation.text = wanted[source]
        del translation.attrib["type"]
        done += 1
    head = text[: text.index("<TS")]
    TS.write_text(head + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    print(f"{done} translation(s) set")


if __name__ == "__main__":
    main()
