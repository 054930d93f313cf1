"""System check: every configured language has a compiled UI catalogue (README: "Adding a language")."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.utils.translation import to_locale

MSGID_LANGUAGE = "en"  # the code's strings are English


@register(Tags.translation)
def catalogue_for_every_language(app_configs, **kwargs):
    warnings = []
    for code, _name in settings.LANGUAGES:
        if code == MSGID_LANGUAGE:
            continue
        compiled = Path(to_locale(code)) / "LC_MESSAGES" / "django.mo"
        if not any((Path(base) / compiled).exists() for base in settings.LOCALE_PATHS):
            warnings.append(
                Warning(
                    f"LANGUAGES names {code!r} but locale/{compiled} does not exist: the site's own strings "
                    "would be shown in English under that language",
                    hint="python scripts/translations.py update, translate, and commit locale/ "
                    "(README: Adding a language)",
                    id="pages.W001",
                )
            )
    return warnings
