"""Fills the French and Spanish catalogues from locale/src/*.json and compiles them.

`make messages` first extracts every marked string (makemessages, which needs GNU gettext);
this script then copies translations kept in locale/src/<area>.json
({"msgid": {"fr": "...", "es": "..."}}) into locale/<lang>/LC_MESSAGES/django.po and writes the
.mo files with polib, so compiling needs no system tool. It lists msgids still untranslated.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "es")


def load_sources() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for source in sorted((ROOT / "locale" / "src").glob("*.json")):
        for msgid, translations in json.loads(source.read_text(encoding="utf-8")).items():
            merged.setdefault(msgid, {}).update({k: v for k, v in translations.items() if v})
    return merged


def main() -> int:
    sources = load_sources()
    missing_total = 0
    for language in LANGUAGES:
        po_path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            print(f"{po_path.relative_to(ROOT)} missing: run `make messages` first", file=sys.stderr)
            return 1
        catalogue = polib.pofile(str(po_path))
        missing = []
        for entry in catalogue:
            if entry.obsolete:
                continue
            translated = sources.get(entry.msgid, {}).get(language)
            if entry.msgid_plural:
                plural = sources.get(entry.msgid_plural, {}).get(language)
                if translated:
                    entry.msgstr_plural = {0: translated, 1: plural or translated}
            elif translated:
                entry.msgstr = translated
            if "fuzzy" in entry.flags:
                # msgmerge's guess from a similar message is often another message's meaning:
                # never shipped, always counted as missing until a source file translates it.
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = None
                if not translated:
                    entry.msgstr = ""
                    entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "") if entry.msgstr_plural else {}
            if not (entry.msgstr or any(entry.msgstr_plural.values() if entry.msgstr_plural else [])):
                missing.append(entry.msgid)
        catalogue.save()
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        missing_total += len(missing)
        print(f"{language}: {len(catalogue) - len(missing)} translated, {len(missing)} untranslated")
        for msgid in missing[:50]:
            print(f"  untranslated: {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
