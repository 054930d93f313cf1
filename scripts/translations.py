"""UI string translations. The PO files are the source of truth.

Every UI string lives in `locale/<lang>/LC_MESSAGES/django.po`, one catalogue per language in
`settings.LANGUAGES` (the `LANGUAGES` environment variable) except English, the language of the msgids. Translators
edit those files (Poedit, Weblate, a text editor); no command here ever overwrites a translated msgstr.

    python scripts/translations.py update              # makemessages for every configured language,
                                                       # keeping translations; then compilemessages
    python scripts/translations.py fill strings.json   # write translations into EMPTY or fuzzy entries only,
                                                       # then compilemessages
    python scripts/translations.py check               # list untranslated and fuzzy entries of every
                                                       # language, and a .mo not compiled from its .po;
                                                       # exit status 1 if there is any (CI)
    python scripts/translations.py compile             # compilemessages only
    python scripts/translations.py export [--rev REV]  # every translation as fill's JSON (of the working
                                                       # tree, or of git revision REV)

`update` runs Django's `makemessages --no-obsolete`: new strings arrive with an empty msgstr, strings
whose msgid changed slightly arrive "fuzzy" with the old translation as a suggestion (msgmerge), strings
no longer in the code are dropped. The compiled `.mo` files are committed, so a fresh clone and
`run.py demo` need no gettext.

`fill` takes a JSON file keyed by language code (any number of languages), then msgid:

    {
      "de": {"Book now": "Jetzt buchen",
             "%(counter)s result": ["%(counter)s Ergebnis", "%(counter)s Ergebnisse"]},
      "ru": {"Book now": "Записаться"},
      "uk": {"Book now": "Записатися"}
    }

A plural entry is keyed by its singular msgid and takes the list of forms (as many as the catalogue's
Plural-Forms header asks for; the last form is repeated when fewer are given). `fill` writes only
entries whose msgstr is empty or marked fuzzy, and reports entries it kept (already translated
differently: edit the PO file if the translation really should change), msgids the catalogue does not
have (run `update` first, or the string is not marked for translation) and languages not configured.

Typical flow for a developer who added strings: `update`, then `fill my-strings.json` (or edit the PO
files in Poedit), then `check`, and commit the `.po` and `.mo` files. On a rebase conflict in
`locale/*/LC_MESSAGES/django.{po,mo}`, keep main's catalogues and add yours back:

    python scripts/translations.py export --rev REBASE_HEAD > /tmp/mine.json   # your commit's translations
    git checkout --ours locale/ && python scripts/translations.py update       # main's side + your msgids
    python scripts/translations.py fill /tmp/mine.json && git add locale/ && git rebase --continue

Languages come from the `LANGUAGES` environment variable through the settings. Adding one (README: "Adding a
language"): add its code to LANGUAGES, run `update` (it creates `locale/<code>/LC_MESSAGES/django.po`),
translate, and run `manage.py sync_languages` for its Wagtail locale.
"""

import io
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import django
import polib
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MAKEMESSAGES_OPTIONS = {
    "no_location": True,
    "no_obsolete": True,
    "ignore_patterns": ["venv", ".venv", "node_modules", "staticfiles", "tests", "scripts", "media"],
    "verbosity": 0,
}
COMPILE_IGNORE = [".venv", "venv", "node_modules"]
# makemessages stamps this header on every run; a catalogue whose only change is this line is left as it was
# (no noise in git, fewer rebase conflicts).
_STAMP = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

    django.setup()


MSGID_LANGUAGE = "en"  # the code's strings are English: English needs no catalogue


def languages():
    """Every configured language that needs a catalogue: settings.LANGUAGES without English."""

    return [code for code, _name in settings.LANGUAGES if code != MSGID_LANGUAGE]


def locale_dir():
    return Path(settings.LOCALE_PATHS[0])


def po_path(lang, base=None):
    return Path(base or locale_dir()) / to_locale(lang) / "LC_MESSAGES" / "django.po"


def update(langs=None, compile_after=True):
    """makemessages for every configured language (translations kept), then compilemessages."""

    langs = list(langs or languages())
    before = {lang: po_path(lang).read_text(encoding="utf-8") for lang in langs if po_path(lang).exists()}
    cwd = os.getcwd()
    os.chdir(ROOT)  # makemessages walks the current directory
    try:
        call_command("makemessages", locale=[to_locale(lang) for lang in langs], **MAKEMESSAGES_OPTIONS)
    finally:
        os.chdir(cwd)
    for lang, old in before.items():
        new = po_path(lang).read_text(encoding="utf-8")
        if new != old and _STAMP.sub("", new) == _STAMP.sub("", old):
            po_path(lang).write_text(old, encoding="utf-8")
    if compile_after:
        compile_messages()


def compile_messages():
    for lang in languages():  # compilemessages skips a .mo newer than its .po; after a git checkout that can lie
        if po_path(lang).exists():
            os.utime(po_path(lang))

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        # verbosity 1: msgfmt's complaints (e.g. a translation missing a %(name)s placeholder) reach stderr
        call_command("compilemessages", ignore_patterns=COMPILE_IGNORE, verbosity=1, stdout=io.StringIO())
    except CommandError as error:
        raise SystemExit(f"{error} Fix the entries msgfmt names above in the PO file, then run `update`.") from None
    finally:
        os.chdir(cwd)


def _is_translated(entry):
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def problems(langs=None, base=None):
    """[(lang, kind, msgid)] for every untranslated or fuzzy entry; kind is "untranslated", "fuzzy",
    "missing catalogue" or "compiled catalogue out of date" (the .mo serves other translations than the .po)."""

    found = []
    for lang in langs or languages():
        path = po_path(lang, base)
        if not path.exists():
            found.append(
                (lang, "missing catalogue", str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path))
            )
            continue
        po = polib.pofile(str(path))
        for entry in po:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                found.append((lang, "fuzzy", entry.msgid))
            elif not _is_translated(entry):
                found.append((lang, "untranslated", entry.msgid))
        mo = path.with_suffix(".mo")
        if not mo.exists() or _compiled(po) != _compiled(polib.mofile(str(mo))):
            found.append((lang, "compiled catalogue out of date (run update)", str(mo.name)))
    return found


def _compiled(catalogue):
    """What gettext serves from a catalogue: {(msgctxt, msgid): translation} of translated, non-fuzzy entries
    (a .po edited in a text editor without compiling leaves the committed .mo behind)."""
    served = {}
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags or not _is_translated(entry):
            continue
        value = (
            tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)) if entry.msgid_plural else entry.msgstr
        )
        served[(entry.msgctxt, entry.msgid)] = value
    return served


def _forms(entry, value):
    forms = list(value) if isinstance(value, list | tuple) else [value]
    count = len(entry.msgstr_plural) or len(forms)
    return {i: forms[min(i, len(forms) - 1)] for i in range(count)}


def fill(strings, base=None):
    """Write translations into empty or fuzzy entries only. `strings` = {lang: {msgid: msgstr or [forms]}}.

    Returns a report {"written": n, "kept": [(lang, msgid)], "unknown": [(lang, msgid)], "languages": [lang]}
    ("languages" lists languages of the input that are not configured)."""

    configured = set(languages())
    report = {"written": 0, "kept": [], "unknown": [], "languages": []}
    for lang, table in strings.items():
        if lang not in configured:
            report["languages"].append(lang)
            continue
        path = po_path(lang, base)
        if not path.exists():
            report["unknown"].extend((lang, msgid) for msgid in table)
            continue
        po = polib.pofile(str(path))
        entries = {entry.msgid: entry for entry in po if not entry.obsolete}
        changed = False
        for msgid, value in table.items():
            entry = entries.get(msgid)
            if entry is None:
                report["unknown"].append((lang, msgid))
                continue
            if not value or (isinstance(value, list | tuple) and not all(value)):
                continue  # nothing to write
            fuzzy = "fuzzy" in entry.flags
            if _is_translated(entry) and not fuzzy:
                current = entry.msgstr_plural if entry.msgid_plural else entry.msgstr
                wanted = _forms(entry, value) if entry.msgid_plural else value
                if current != wanted:
                    report["kept"].append((lang, msgid))
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = _forms(entry, value)
            else:
                entry.msgstr = value if isinstance(value, str) else value[0]
            if fuzzy:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            report["written"] += 1
            changed = True
        if changed:
            po.save(str(path))
            _normalise(path)
    return report


def _normalise(path):
    """Rewrap a catalogue polib saved the way gettext (makemessages) writes it, so `fill` and `update`
    do not fight over line breaks in git diffs. Skipped where gettext is not installed."""

    if shutil.which("msgcat"):
        subprocess.run(["msgcat", "-o", str(path), str(path)], check=True)


def export(rev=None, langs=None):
    """{lang: {msgid: translation}} of every translated, non-fuzzy entry: of the working tree's catalogues, or
    of those in git revision `rev` (e.g. REBASE_HEAD while a rebase stops on a conflict in locale/)."""
    strings = {}
    for lang in langs or languages():
        path = po_path(lang)
        if rev:
            relative = path.relative_to(ROOT).as_posix()
            shown = subprocess.run(["git", "show", f"{rev}:{relative}"], cwd=ROOT, capture_output=True, text=True)
            if shown.returncode:
                continue
            po = polib.pofile(shown.stdout)
        elif path.exists():
            po = polib.pofile(str(path))
        else:
            continue
        strings[lang] = {
            entry.msgid: [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            if entry.msgid_plural
            else entry.msgstr
            for entry in po
            if not entry.obsolete and "fuzzy" not in entry.flags and _is_translated(entry)
        }
    return strings


def load_strings(path):
    """A JSON file {lang: {msgid: translation}}.

    Also reads an old-style table `scripts/i18n/<area>.py` (`T = {msgid: (de, ru, uk)}`, the format
    before the PO files became the source) so work started in that format can be filled in one go."""
    if str(path).endswith(".py"):
        table = runpy.run_path(str(path)).get("T", {})
        return {lang: {msgid: row[i] for msgid, row in table.items()} for i, lang in enumerate(("de", "ru", "uk"))}
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise SystemExit(f"{path}: expected {{language code: {{msgid: translation}}}}")
    return data


def _print_problems(found):
    for lang, kind, msgid in found:
        print(f"{kind} [{lang}]: {msgid}")


def main(argv):
    command = argv[1] if len(argv) > 1 else "help"
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return 0
    _setup()
    if command == "--check":  # the old spelling
        command = "check"
    if command == "--refresh":
        # The old round trip, kept for work started before the PO files became the source: update, then
        # fill from any old-style scripts/i18n/*.py table (empty and fuzzy entries only).
        update(compile_after=False)
        for table in sorted((ROOT / "scripts" / "i18n").glob("*.py")):
            report = fill(load_strings(table))
            print(f"{table.relative_to(ROOT)}: {report['written']} translations written (convert it: see README)")
        compile_messages()
        found = problems()
        _print_problems(found)
        return 1 if found else 0
    if command == "update":
        update()
        found = problems()
        _print_problems(found)
        print(f"updated {', '.join(languages())}; {len(found)} entries to translate")
        return 0
    if command == "compile":
        compile_messages()
        return 0
    if command == "check":
        found = problems()
        _print_problems(found)
        return 1 if found else 0
    if command == "export":
        rev = argv[argv.index("--rev") + 1] if "--rev" in argv[2:-1] else None
        json.dump(export(rev), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
        print()
        return 0
    if command == "fill":
        if len(argv) < 3:
            print("usage: translations.py fill strings.json [more.json ...]", file=sys.stderr)
            return 2
        status = 0
        for path in argv[2:]:
            report = fill(load_strings(path))
            for lang, msgid in report["kept"]:
                print(f"kept the catalogue's translation [{lang}]: {msgid}")
            for lang, msgid in report["unknown"]:
                print(f"not in the catalogue (run update; is it marked for translation?) [{lang}]: {msgid}")
                status = 1
            for lang in report["languages"]:
                print(f"{lang}: not a configured language (settings.LANGUAGES), skipped")
            print(f"{path}: {report['written']} translations written")
        compile_messages()
        return status
    print(f"unknown command {command!r}; see `translations.py help`", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
