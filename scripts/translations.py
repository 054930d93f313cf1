"""Project UI strings in de, ru, uk.

Fill the PO files from this table after `makemessages` with
`python scripts/translations.py` (then `compilemessages`). Keeping the table in
Python lets a reviewer see every language of a string side by side.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent

T = {
    # msgid: (de, ru, uk)
    "Booking": ("Buchung", "Запись", "Запис"),
    "Personal info": ("Persönliche Angaben", "Личные данные", "Особисті дані"),
    "Permissions": ("Berechtigungen", "Права доступа", "Права доступу"),
    "Important dates": ("Wichtige Daten", "Важные даты", "Важливі дати"),
    "Site core": ("Website-Kern", "Ядро сайта", "Ядро сайту"),
    "user": ("Benutzer", "пользователь", "користувач"),
    "users": ("Benutzer", "пользователи", "користувачі"),
    "Pages": ("Seiten", "Страницы", "Сторінки"),
    "Text": ("Text", "Текст", "Текст"),
    "Heading 2": ("Überschrift 2", "Заголовок 2", "Заголовок 2"),
    "Heading 3": ("Überschrift 3", "Заголовок 3", "Заголовок 3"),
    "Heading 4": ("Überschrift 4", "Заголовок 4", "Заголовок 4"),
    "Level": ("Ebene", "Уровень", "Рівень"),
    "Heading": ("Überschrift", "Заголовок", "Заголовок"),
    "Image": ("Bild", "Изображение", "Зображення"),
    "Caption": ("Bildunterschrift", "Подпись", "Підпис"),
    "Quote": ("Zitat", "Цитата", "Цитата"),
    "Attribution": ("Quelle", "Автор", "Автор"),
    "Title": ("Titel", "Заголовок", "Заголовок"),
    "Button label": ("Schaltflächentext", "Текст кнопки", "Текст кнопки"),
    "Button links to page": ("Schaltfläche verlinkt auf Seite", "Кнопка ведёт на страницу", "Кнопка веде на сторінку"),
    "…or to URL": ("…oder auf URL", "…или на URL", "…або на URL"),
    "Call to action": ("Handlungsaufforderung", "Призыв к действию", "Заклик до дії"),
    "Paragraph": ("Absatz", "Абзац", "Абзац"),
    "introduction": ("Einleitung", "вступление", "вступ"),
    "body": ("Inhalt", "содержимое", "вміст"),
    "home page": ("Startseite", "главная страница", "головна сторінка"),
    "Shop": ("Shop", "Магазин", "Магазин"),
    "Skip to content": ("Zum Inhalt springen", "Перейти к содержимому", "Перейти до вмісту"),
    "All rights reserved.": ("Alle Rechte vorbehalten.", "Все права защищены.", "Усі права захищено."),
    "Shop basket": ("Warenkorb", "Корзина", "Кошик"),
    "Main navigation": ("Hauptnavigation", "Основная навигация", "Основна навігація"),
    "Home": ("Startseite", "Главная", "Головна"),
    "Basket": ("Warenkorb", "Корзина", "Кошик"),
    "Account": ("Konto", "Личный кабинет", "Особистий кабінет"),
    "Sign in": ("Anmelden", "Войти", "Увійти"),
    "Language": ("Sprache", "Язык", "Мова"),
}

LANGS = ("de", "ru", "uk")


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
                if not entry.msgstr:
                    missing.append((lang, entry.msgid))
                continue
            if entry.msgstr != row[index] or "fuzzy" in entry.flags:
                entry.msgstr = row[index]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                changed = True
        if changed and not check_only:
            po.save(str(path))
    return missing


if __name__ == "__main__":
    untranslated = fill(check_only="--check" in sys.argv)
    for lang, msgid in untranslated:
        print(f"untranslated [{lang}]: {msgid}")
    sys.exit(1 if untranslated else 0)
