# ruff: noqa: E501  (translations read best one per line)
"""UI strings of the security fixes (issue 9, points 4-8): msgid -> (de, ru, uk)."""

T = {
    "Link expired": ("Link abgelaufen", "Ссылка устарела", "Посилання застаріло"),
    "This link has expired. For questions about a past appointment, please contact us.": (
        "Dieser Link ist abgelaufen. Bei Fragen zu einem vergangenen Termin kontaktieren Sie uns bitte.",
        "Срок действия этой ссылки истёк. С вопросами о прошедшей записи, пожалуйста, свяжитесь с нами.",
        "Термін дії цього посилання минув. З питаннями щодо минулого запису, будь ласка, зв’яжіться з нами.",
    ),
}
