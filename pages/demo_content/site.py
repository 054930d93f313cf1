"""Demo pages, menus and banners for the salon, in four languages.

`t(en, de, ru, uk)` returns the English text and records its translations, which
the loader hands to wagtail-localize (the way a translator would fill them in).
"""

import uuid

TRANSLATIONS = {"de": {}, "ru": {}, "uk": {}}


def items(*values):
    """ListBlock items in Wagtail's block format (wagtail-localize only extracts these)."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def t(en, de, ru, uk):
    TRANSLATIONS["de"][en] = de
    TRANSLATIONS["ru"][en] = ru
    TRANSLATIONS["uk"][en] = uk
    return en


def p(en, de, ru, uk):
    """A rich-text paragraph (wagtail-localize translates its inner text)."""
    return f"<p>{t(en, de, ru, uk)}</p>"


def h(en, de, ru, uk, level="h2"):
    return {"type": "heading", "value": {"text": t(en, de, ru, uk), "level": level}}


ABOUT = {
    "slug": t("about", "ueber-uns", "o-nas", "pro-nas"),
    "title": t("About us", "Über uns", "О нас", "Про нас"),
    "intro": t(
        "Studio Aurora opened in 2016 as a two-chair salon. Today six stylists look after our clients, with the same care as on the first day.",
        "Studio Aurora wurde 2016 als Salon mit zwei Stühlen eröffnet. Heute kümmern sich sechs Stylistinnen um unsere Kundschaft, mit derselben Sorgfalt wie am ersten Tag.",
        "Studio Aurora открылась в 2016 году как салон на два кресла. Сегодня о наших клиентах заботятся шесть стилистов — с тем же вниманием, что и в первый день.",
        "Studio Aurora відкрилася у 2016 році як салон на два крісла. Сьогодні про наших клієнтів дбають шість стилістів — з тією ж увагою, що й першого дня.",
    ),
    "body": [
        h("Our values", "Unsere Werte", "Наши ценности", "Наші цінності"),
        {
            "type": "paragraph",
            "value": p(
                "We work with vegan, cruelty-free products, recycle our colour tubes and foils, and train together every month.",
                "Wir arbeiten mit veganen, tierversuchsfreien Produkten, recyceln Farbtuben und Folien und bilden uns jeden Monat gemeinsam weiter.",
                "Мы работаем с веганскими средствами, не тестируемыми на животных, сдаём на переработку тюбики и фольгу и каждый месяц учимся вместе.",
                "Ми працюємо з веганськими засобами, які не тестують на тваринах, здаємо на переробку тюбики й фольгу та щомісяця навчаємося разом.",
            ),
        },
        {
            "type": "quote",
            "value": {
                "text": t(
                    "Good hair days start with listening.",
                    "Gute Haartage beginnen mit Zuhören.",
                    "Хорошая причёска начинается с умения слушать.",
                    "Гарна зачіска починається з уміння слухати.",
                ),
                "attribution": t(
                    "Mara Vogel, founder",
                    "Mara Vogel, Gründerin",
                    "Мара Фогель, основательница",
                    "Мара Фоґель, засновниця",
                ),
            },
        },
    ],
}

SERVICES = {
    "slug": t("services", "leistungen", "uslugi", "posluhy"),
    "title": t("Services and prices", "Leistungen und Preise", "Услуги и цены", "Послуги та ціни"),
    "intro": t(
        "Every price includes a consultation, washing and styling. Prices for long hair may vary.",
        "Jeder Preis enthält Beratung, Waschen und Styling. Bei langem Haar können die Preise abweichen.",
        "В каждую цену входят консультация, мытьё и укладка. Для длинных волос цена может отличаться.",
        "У кожну ціну входять консультація, миття та укладання. Для довгого волосся ціна може відрізнятися.",
    ),
    "body": [
        {
            # The services and prices are the booking app's Service records (one source with the wizard).
            "type": "listing",
            "value": {
                "title": t("What we offer", "Unser Angebot", "Что мы предлагаем", "Що ми пропонуємо"),
                "source": "booking.services",
            },
        },
        {
            "type": "faq",
            "value": {
                "title": t("Frequently asked questions", "Häufige Fragen", "Частые вопросы", "Поширені запитання"),
                "items": items(
                    {
                        "question": t(
                            "How do I cancel an appointment?",
                            "Wie sage ich einen Termin ab?",
                            "Как отменить запись?",
                            "Як скасувати запис?",
                        ),
                        "answer": p(
                            "Use the link in your confirmation email up to 24 hours before your appointment.",
                            "Nutzen Sie bis 24 Stunden vor dem Termin den Link in Ihrer Bestätigungs-E-Mail.",
                            "Воспользуйтесь ссылкой из письма-подтверждения не позднее чем за 24 часа до визита.",
                            "Скористайтеся посиланням з листа-підтвердження не пізніше ніж за 24 години до візиту.",
                        ),
                    },
                    {
                        "question": t(
                            "Can I pay by card?",
                            "Kann ich mit Karte zahlen?",
                            "Можно ли оплатить картой?",
                            "Чи можна оплатити карткою?",
                        ),
                        "answer": p(
                            "Yes, we accept all common debit and credit cards and contactless payment.",
                            "Ja, wir akzeptieren alle gängigen Debit- und Kreditkarten sowie kontaktloses Bezahlen.",
                            "Да, мы принимаем все распространённые дебетовые и кредитные карты, а также бесконтактную оплату.",
                            "Так, ми приймаємо всі поширені дебетові та кредитні картки, а також безконтактну оплату.",
                        ),
                    },
                ),
            },
        },
    ],
}

TEAM = {
    "slug": t("team", "team", "komanda", "komanda"),
    "title": t("Our team", "Unser Team", "Наша команда", "Наша команда"),
    "intro": t(
        "Meet the people behind the chairs.",
        "Lernen Sie die Menschen hinter den Stühlen kennen.",
        "Познакомьтесь с теми, кто работает для вас.",
        "Познайомтеся з тими, хто працює для вас.",
    ),
    "body": [
        {
            # The team is the booking app's Staff records (the same people the wizard offers).
            "type": "listing",
            "value": {"title": "", "source": "booking.team"},
        },
    ],
}

CONTACT = {
    "slug": t("contact", "kontakt", "kontakty", "kontakty"),
    "title": t("Contact", "Kontakt", "Контакты", "Контакти"),
    "intro": p(
        "Questions about a service or a product? Write to us and we will answer within one working day.",
        "Fragen zu einer Leistung oder einem Produkt? Schreiben Sie uns, wir antworten innerhalb eines Werktags.",
        "Вопросы об услуге или товаре? Напишите нам — мы ответим в течение одного рабочего дня.",
        "Питання щодо послуги чи товару? Напишіть нам — ми відповімо протягом одного робочого дня.",
    ),
    # Address, phone and map come from the venue (core/business.py), not from this page.
    "address": "",
    "phone": "",
    "map_url": "",
    "fields": [
        (t("Your name", "Ihr Name", "Ваше имя", "Ваше ім'я"), "singleline", True),
        (t("Email", "E-Mail", "Эл. почта", "Ел. пошта"), "email", True),
        (t("Message", "Nachricht", "Сообщение", "Повідомлення"), "multiline", True),
    ],
    "thank_you_text": t(
        "Thank you! Your message has been sent. We will get back to you soon.",
        "Vielen Dank! Ihre Nachricht wurde gesendet. Wir melden uns bald bei Ihnen.",
        "Спасибо! Ваше сообщение отправлено. Мы скоро с вами свяжемся.",
        "Дякуємо! Ваше повідомлення надіслано. Ми скоро з вами зв'яжемося.",
    ),
}

IMPRINT = {
    "slug": t("imprint", "impressum", "vyhodnye-dannye", "vykhidni-dani"),
    "title": t("Imprint", "Impressum", "Выходные данные", "Вихідні дані"),
    "body": (
        "<p>Studio Aurora GmbH, Torstraße 101, 10119 Berlin</p>"
        + p(
            "Managing director: Mara Vogel. Commercial register: Amtsgericht Charlottenburg, HRB 000000. VAT ID: DE000000000.",
            "Geschäftsführerin: Mara Vogel. Handelsregister: Amtsgericht Charlottenburg, HRB 000000. USt-IdNr.: DE000000000.",
            "Генеральный директор: Мара Фогель. Торговый реестр: участковый суд Шарлоттенбург, HRB 000000. НДС: DE000000000.",
            "Генеральна директорка: Мара Фоґель. Торговий реєстр: дільничний суд Шарлоттенбург, HRB 000000. ПДВ: DE000000000.",
        )
    ),
}

PRIVACY = {
    "slug": t("privacy", "datenschutz", "konfidencialnost", "konfidentsiinist"),
    "title": t("Privacy policy", "Datenschutzerklärung", "Политика конфиденциальности", "Політика конфіденційності"),
    "body": p(
        "We only process the data you give us to answer your messages, run your bookings and deliver your orders. Visitor statistics are collected without cookies and without storing IP addresses.",
        "Wir verarbeiten nur die Daten, die Sie uns geben, um Ihre Nachrichten zu beantworten, Ihre Buchungen durchzuführen und Ihre Bestellungen zu liefern. Besucherstatistiken werden ohne Cookies und ohne Speicherung von IP-Adressen erhoben.",
        "Мы обрабатываем только те данные, которые вы нам сообщаете, чтобы отвечать на сообщения, выполнять записи и доставлять заказы. Статистика посещений собирается без cookie и без сохранения IP-адресов.",
        "Ми обробляємо лише ті дані, які ви нам надаєте, щоб відповідати на повідомлення, виконувати записи та доставляти замовлення. Статистика відвідувань збирається без cookie та без збереження IP-адрес.",
    )
    + p(
        "You can ask for a copy of your data or for its deletion at any time: write to privacy@example.com.",
        "Sie können jederzeit eine Kopie Ihrer Daten oder deren Löschung verlangen: Schreiben Sie an privacy@example.com.",
        "Вы можете в любой момент запросить копию своих данных или их удаление: напишите на privacy@example.com.",
        "Ви можете будь-коли запросити копію своїх даних або їх видалення: напишіть на privacy@example.com.",
    ),
}

MENU_LABELS = {
    "about": t("About", "Über uns", "О нас", "Про нас"),
    "services": t("Services", "Leistungen", "Услуги", "Послуги"),
    "team": t("Team", "Team", "Команда", "Команда"),
    "contact": t("Contact", "Kontakt", "Контакты", "Контакти"),
    "imprint": t("Imprint", "Impressum", "Выходные данные", "Вихідні дані"),
    "privacy": t("Privacy", "Datenschutz", "Конфиденциальность", "Конфіденційність"),
}

BANNERS = [
    {
        "title": "Book online",
        # No opening hours here: they live on the venue, and a banner would go stale.
        "message": p(
            "New: book your appointment online, any time of day.",
            "Neu: Buchen Sie Ihren Termin online, rund um die Uhr.",
            "Новинка: записывайтесь онлайн в любое время суток.",
            "Новинка: записуйтеся онлайн у будь-який час доби.",
        ),
        "severity": "info",
        "priority": 10,
        "starts_in_days": None,
        "ends_in_days": 60,
    },
    {
        "title": "Christmas closure",
        "message": p(
            "We are closed from 24 to 26 December. Happy holidays!",
            "Vom 24. bis 26. Dezember haben wir geschlossen. Frohe Feiertage!",
            "С 24 по 26 декабря мы закрыты. С праздниками!",
            "З 24 по 26 грудня ми зачинені. Зі святами!",
        ),
        "severity": "warning",
        "priority": 20,
        "starts_in_days": 7,
        "ends_in_days": 40,
    },
]
