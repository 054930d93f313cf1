"""scripts/translations.py: the PO files are the source; `fill` never overwrites a translator's work."""

import importlib.util
import json
import shutil
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def script():
    return load_script()


@pytest.fixture
def catalogues(tmp_path):
    """A copy of the project's catalogues (never the real files)."""
    for lang in ("de", "ru", "uk"):
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(ROOT / "locale" / lang / "LC_MESSAGES" / "django.po", target / "django.po")
        shutil.copy(ROOT / "locale" / lang / "LC_MESSAGES" / "django.mo", target / "django.mo")
    return tmp_path


def entries(path):
    return {entry.msgid: entry for entry in polib.pofile(str(path)) if not entry.obsolete}


def test_the_committed_catalogues_translate_every_string_into_every_configured_language(script):
    assert script.problems() == []


def test_fill_writes_empty_and_fuzzy_entries_and_keeps_what_a_translator_wrote(script, catalogues):
    path = catalogues / "de" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    singular = [entry for entry in po if not entry.msgid_plural and "python-format" not in entry.flags]
    empty, fuzzy, edited = singular[:3]
    plural = next(entry for entry in po if entry.msgid_plural)
    empty.msgstr = ""
    fuzzy.flags.append("fuzzy")
    fuzzy.msgstr = "alte Vermutung"
    edited.msgstr = "Vom Übersetzer in Poedit geändert"
    plural.msgstr_plural = {0: "", 1: ""}
    po.save(str(path))

    found = script.problems(["de"], base=catalogues)
    assert ("de", "untranslated", empty.msgid) in found
    assert ("de", "fuzzy", fuzzy.msgid) in found
    assert ("de", "untranslated", plural.msgid) in found
    assert script.problems(["ru", "uk"], base=catalogues) == []

    strings = {
        "de": {
            empty.msgid: "Neu",
            fuzzy.msgid: "Geprüft",
            edited.msgid: "Aus der Tabelle",
            plural.msgid: ["%(counter)s Ding", "%(counter)s Dinge"],
            "A string nobody marked": "Niemand",
        },
        "fr": {empty.msgid: "Nouveau"},
    }
    strings_file = catalogues / "strings.json"
    strings_file.write_text(json.dumps(strings), encoding="utf-8")
    report = script.fill(script.load_strings(strings_file), base=catalogues)

    assert report["written"] == 3
    assert report["kept"] == [("de", edited.msgid)]
    assert report["unknown"] == [("de", "A string nobody marked")]
    assert report["languages"] == ["fr"]
    after = entries(path)
    assert after[empty.msgid].msgstr == "Neu"
    assert after[fuzzy.msgid].msgstr == "Geprüft"
    assert "fuzzy" not in after[fuzzy.msgid].flags
    assert after[edited.msgid].msgstr == "Vom Übersetzer in Poedit geändert"
    assert after[plural.msgid].msgstr_plural == {0: "%(counter)s Ding", 1: "%(counter)s Dinge"}
    # Translated now, but the .mo (what gettext serves) is not compiled yet: `fill` on the command line compiles.
    assert script.problems(["de"], base=catalogues) == [
        ("de", "compiled catalogue out of date (run update)", "django.mo")
    ]
    polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))
    assert script.problems(["de"], base=catalogues) == []


def test_a_missing_catalogue_is_reported(script, tmp_path):
    assert script.problems(["de"], base=tmp_path) == [
        ("de", "missing catalogue", str(tmp_path / "de" / "LC_MESSAGES" / "django.po"))
    ]
