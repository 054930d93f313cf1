"""Project UI strings in de, ru, uk.

The tables live in scripts/i18n/<area>.py as `T = {msgid: (de, ru, uk)}`.
`python scripts/translations.py --refresh` runs makemessages, fills the PO files
from the tables and compiles them; `--check` only reports untranslated strings. Keeping the tables in
Python lets a reviewer see every language of a string side by side.
"""

import runpy
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def load_tables():
    """Merge every table in scripts/i18n/*.py (one per app, so parallel work does not collide)."""
    merged = {}
    for path in sorted((ROOT / "scripts" / "i18n").glob("*.py")):
        namespace = runpy.run_path(str(path))
        for msgid, row in namespace.get("T", {}).items():
            if len(row) != 3:
                raise SystemExit(f"{path.name}: {msgid!r} needs exactly (de, ru, uk)")
            merged[msgid] = row
    return merged


T = load_tables()

LANGS = ("de", "ru", "uk")


def _apply(entry, value):
    """Set a translation; plural entries take a list of forms (the PO header says how many)."""
    if entry.msgid_plural:
        forms = list(value) if isinstance(value, list | tuple) else [value]
        wanted = {i: forms[min(i, len(forms) - 1)] for i in range(len(entry.msgstr_plural) or len(forms))}
        if entry.msgstr_plural == wanted:
            return False
        entry.msgstr_plural = wanted
        return True
    if entry.msgstr == value:
        return False
    entry.msgstr = value
    return True


def _translated(entry):
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values()) if entry.msgstr_plural else False
    return bool(entry.msgstr)


def fill(check_only=False):
    missing = []
    for index, lang in enumerate(LANGS):
        path = ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        changed = False
        for entry in po:
            if entry.obsolete:
                continue
            row = T.get(entry.msgid)
            if row is None:
                if not _translated(entry) or "fuzzy" in entry.flags:
                    missing.append((lang, entry.msgid))
                continue
            changed |= _apply(entry, row[index])
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                changed = True
        if changed and not check_only:
            po.save(str(path))
    return missing


MAKEMESSAGES = [
    "makemessages", "-l", "de", "-l", "ru", "-l", "uk", "--no-location", "--no-obsolete",
    "--ignore=.venv", "--ignore=node_modules", "--ignore=staticfiles", "--ignore=tests", "--ignore=scripts",
]  # fmt: skip


def refresh():
    """makemessages, fill from the tables, compilemessages: the whole round trip."""
    import subprocess

    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, *MAKEMESSAGES], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    missing = fill()
    subprocess.run(
        [*manage, "compilemessages", "--ignore=.venv", "--ignore=node_modules"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return missing


if __name__ == "__main__":
    if "--refresh" in sys.argv:
        untranslated = refresh()
    else:
        untranslated = fill(check_only="--check" in sys.argv)
    for lang, msgid in untranslated:
        print(f"untranslated [{lang}]: {msgid}")
    sys.exit(1 if untranslated else 0)
