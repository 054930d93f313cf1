# ruff: noqa: E501  (translations read best one per line)
"""Strings of the hostile-input fixes (helper no500): msgid -> (de, ru, uk)."""

T = {
    "Bad request: the address, a form field or a cookie contains a NUL character.": (
        "Ungültige Anfrage: Die Adresse, ein Formularfeld oder ein Cookie enthält ein NUL-Zeichen.",
        "Неверный запрос: адрес, поле формы или cookie содержит символ NUL.",
        "Некоректний запит: адреса, поле форми або cookie містить символ NUL.",
    ),
    "Some of your choices are not valid or no longer available. Please choose again.": (
        "Einige Ihrer Angaben sind ungültig oder nicht mehr verfügbar. Bitte wählen Sie erneut.",
        "Некоторые из выбранных вариантов недействительны или больше недоступны. Пожалуйста, выберите снова.",
        "Деякі з вибраних варіантів недійсні або більше не доступні. Будь ласка, виберіть знову.",
    ),
    "Please choose dates between %(first)s and %(last)s.": (
        "Bitte wählen Sie Daten zwischen %(first)s und %(last)s.",
        "Пожалуйста, выберите даты между %(first)s и %(last)s.",
        "Будь ласка, виберіть дати між %(first)s і %(last)s.",
    ),
    "No such object: the address contains an invalid id.": (
        "Nicht gefunden: Die Adresse enthält eine ungültige Kennung.",
        "Не найдено: адрес содержит недопустимый идентификатор.",
        "Не знайдено: адреса містить недійсний ідентифікатор.",
    ),
}
