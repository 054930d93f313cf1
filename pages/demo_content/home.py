"""Home page copy for the demo salon, in English with its translations.

Translations are keyed by the English source string, as wagtail-localize stores them.
"""

EN_TITLE = "Studio Aurora — hair, colour and care in Berlin"
EN_INTRO = (
    "A small, friendly salon in Prenzlauer Berg. Book a cut or a colour online in a minute, "
    "and take home the products our stylists use every day."
)
EN_BODY = [
    {"type": "heading", "value": {"text": "What we do", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Precision cuts for every hair type, natural-looking colour and balayage, "
        "keratin treatments and festive styling. Every appointment starts with a short consultation, "
        "so you leave with the look you came for.</p>",
    },
    {"type": "heading", "value": {"text": "Why our clients come back", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>We take our time, we use gentle, vegan products, and we tell you honestly what "
        "your hair needs, even when that means a smaller bill.</p>",
    },
    {
        "type": "quote",
        "value": {
            "text": "The best haircut I have had in years, and the first salon where nobody rushed me.",
            "attribution": "Lena, client since 2021",
        },
    },
]

HOME = {
    "en": {
        "site_name": "Studio Aurora",
        "title": EN_TITLE,
        "seo_title": "Studio Aurora — hair salon in Berlin",
        "search_description": "Haircuts, colour and care products in Berlin Prenzlauer Berg. Book online.",
        "intro": EN_INTRO,
        "body": EN_BODY,
    },
    "de": {
        "strings": {
            EN_TITLE: "Studio Aurora — Haare, Farbe und Pflege in Berlin",
            "home": "startseite",
            "Studio Aurora — hair salon in Berlin": "Studio Aurora — Friseursalon in Berlin",
            "Haircuts, colour and care products in Berlin Prenzlauer Berg. Book online.": "Haarschnitte, Farbe und Pflegeprodukte in Berlin Prenzlauer Berg. Online buchen.",
            EN_INTRO: "Ein kleiner, herzlicher Salon in Prenzlauer Berg. Buchen Sie Schnitt oder Farbe in einer "
            "Minute online und nehmen Sie die Produkte mit nach Hause, die unsere Stylistinnen täglich verwenden.",
            "What we do": "Was wir machen",
            "Precision cuts for every hair type, natural-looking colour and balayage, keratin treatments and "
            "festive styling. Every appointment starts with a short consultation, so you leave with the look you "
            "came for.": "Präzisionsschnitte für jeden Haartyp, natürlich wirkende Farbe und Balayage, "
            "Keratinbehandlungen und festliche Frisuren. Jeder Termin beginnt mit einer kurzen Beratung, damit Sie "
            "mit dem Look nach Hause gehen, für den Sie gekommen sind.",
            "Why our clients come back": "Warum unsere Kundinnen und Kunden wiederkommen",
            "We take our time, we use gentle, vegan products, and we tell you honestly what your hair needs, even "
            "when that means a smaller bill.": "Wir nehmen uns Zeit, verwenden milde, vegane Produkte und sagen "
            "Ihnen ehrlich, was Ihr Haar braucht, auch wenn die Rechnung dann kleiner ausfällt.",
            "The best haircut I have had in years, and the first salon where nobody rushed me.": "Der beste Haarschnitt seit Jahren und der erste Salon, in dem mich niemand gehetzt hat.",
            "Lena, client since 2021": "Lena, Kundin seit 2021",
            "Ready for a new look?": "Bereit für einen neuen Look?",
            "Pick a service, a stylist and a time that suits you. No account needed.": "Wählen Sie Leistung, Stylistin und eine passende Uhrzeit. Kein Konto nötig.",
            "Visit the shop": "Zum Shop",
        },
    },
    "ru": {
        "strings": {
            EN_TITLE: "Studio Aurora — стрижки, окрашивание и уход в Берлине",
            "home": "glavnaya",
            "Studio Aurora — hair salon in Berlin": "Studio Aurora — салон красоты в Берлине",
            "Haircuts, colour and care products in Berlin Prenzlauer Berg. Book online.": "Стрижки, окрашивание и средства ухода в Берлине, Пренцлауэр-Берг. Запись онлайн.",
            EN_INTRO: "Небольшой уютный салон в Пренцлауэр-Берге. Запишитесь на стрижку или окрашивание онлайн "
            "за минуту и заберите домой средства, которыми наши стилисты пользуются каждый день.",
            "What we do": "Что мы делаем",
            "Precision cuts for every hair type, natural-looking colour and balayage, keratin treatments and "
            "festive styling. Every appointment starts with a short consultation, so you leave with the look you "
            "came for.": "Точные стрижки для любого типа волос, естественное окрашивание и балаяж, кератиновое "
            "восстановление и праздничные укладки. Каждый визит начинается с короткой консультации, чтобы вы "
            "ушли именно с тем образом, за которым пришли.",
            "Why our clients come back": "Почему клиенты возвращаются к нам",
            "We take our time, we use gentle, vegan products, and we tell you honestly what your hair needs, even "
            "when that means a smaller bill.": "Мы не торопимся, используем мягкие веганские средства и честно "
            "говорим, что нужно вашим волосам, даже если счёт от этого станет меньше.",
            "The best haircut I have had in years, and the first salon where nobody rushed me.": "Лучшая стрижка за много лет и первый салон, где меня никто не торопил.",
            "Lena, client since 2021": "Лена, клиентка с 2021 года",
            "Ready for a new look?": "Готовы к новому образу?",
            "Pick a service, a stylist and a time that suits you. No account needed.": "Выберите услугу, мастера и удобное время. Регистрация не нужна.",
            "Visit the shop": "Перейти в магазин",
        },
    },
    "uk": {
        "strings": {
            EN_TITLE: "Studio Aurora — стрижки, фарбування та догляд у Берліні",
            "home": "holovna",
            "Studio Aurora — hair salon in Berlin": "Studio Aurora — салон краси в Берліні",
            "Haircuts, colour and care products in Berlin Prenzlauer Berg. Book online.": "Стрижки, фарбування та засоби догляду в Берліні, Пренцлауер-Берг. Запис онлайн.",
            EN_INTRO: "Невеликий затишний салон у Пренцлауер-Берзі. Запишіться на стрижку чи фарбування онлайн "
            "за хвилину та заберіть додому засоби, якими наші стилісти користуються щодня.",
            "What we do": "Що ми робимо",
            "Precision cuts for every hair type, natural-looking colour and balayage, keratin treatments and "
            "festive styling. Every appointment starts with a short consultation, so you leave with the look you "
            "came for.": "Точні стрижки для будь-якого типу волосся, природне фарбування та балаяж, кератинове "
            "відновлення і святкові зачіски. Кожен візит починається з короткої консультації, щоб ви пішли саме "
            "з тим образом, по який прийшли.",
            "Why our clients come back": "Чому клієнти повертаються до нас",
            "We take our time, we use gentle, vegan products, and we tell you honestly what your hair needs, even "
            "when that means a smaller bill.": "Ми не поспішаємо, використовуємо м'які веганські засоби і чесно "
            "кажемо, чого потребує ваше волосся, навіть якщо рахунок від цього стане меншим.",
            "The best haircut I have had in years, and the first salon where nobody rushed me.": "Найкраща стрижка за багато років і перший салон, де мене ніхто не квапив.",
            "Lena, client since 2021": "Лєна, клієнтка з 2021 року",
            "Ready for a new look?": "Готові до нового образу?",
            "Pick a service, a stylist and a time that suits you. No account needed.": "Оберіть послугу, майстра та зручний час. Реєстрація не потрібна.",
            "Visit the shop": "Перейти до магазину",
        },
    },
}
