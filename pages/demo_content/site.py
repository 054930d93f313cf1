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
            "type": "cards",
            "value": {
                "title": t("What we offer", "Unser Angebot", "Что мы предлагаем", "Що ми пропонуємо"),
                "cards": items(
                    {
                        "image": None,
                        "link_page": None,
                        "title": t(
                            "Women's cut — from 58 €",
                            "Damenhaarschnitt — ab 58 €",
                            "Женская стрижка — от 58 €",
                            "Жіноча стрижка — від 58 €",
                        ),
                        "text": t(
                            "Consultation, wash, precision cut and blow-dry.",
                            "Beratung, Waschen, Präzisionsschnitt und Föhnen.",
                            "Консультация, мытьё, точная стрижка и укладка феном.",
                            "Консультація, миття, точна стрижка та укладання феном.",
                        ),
                    },
                    {
                        "image": None,
                        "link_page": None,
                        "title": t(
                            "Men's cut — from 34 €",
                            "Herrenhaarschnitt — ab 34 €",
                            "Мужская стрижка — от 34 €",
                            "Чоловіча стрижка — від 34 €",
                        ),
                        "text": t(
                            "Clipper or scissor cut, including a hot towel.",
                            "Maschinen- oder Scherenschnitt, inklusive heißem Handtuch.",
                            "Стрижка машинкой или ножницами, с горячим полотенцем.",
                            "Стрижка машинкою або ножицями, з гарячим рушником.",
                        ),
                    },
                    {
                        "image": None,
                        "link_page": None,
                        "title": t(
                            "Balayage — from 145 €", "Balayage — ab 145 €", "Балаяж — от 145 €", "Балаяж — від 145 €"
                        ),
                        "text": t(
                            "Hand-painted highlights with toner and care treatment.",
                            "Handgemalte Strähnen mit Toner und Pflegebehandlung.",
                            "Пряди, нанесённые вручную, с тонированием и уходом.",
                            "Пасма, нанесені вручну, з тонуванням і доглядом.",
                        ),
                    },
                ),
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
            "type": "cards",
            "value": {
                "title": "",
                "cards": items(
                    {
                        "image": None,
                        "link_page": None,
                        "title": "Mara Vogel",
                        "text": t(
                            "Founder and colour specialist, 18 years of experience.",
                            "Gründerin und Coloristin, 18 Jahre Erfahrung.",
                            "Основательница и колорист, 18 лет опыта.",
                            "Засновниця та колористка, 18 років досвіду.",
                        ),
                    },
                    {
                        "image": None,
                        "link_page": None,
                        "title": "Jonas Berg",
                        "text": t(
                            "Barber and short-hair expert.",
                            "Barbier und Experte für Kurzhaarschnitte.",
                            "Барбер и мастер коротких стрижек.",
                            "Барбер і майстер коротких стрижок.",
                        ),
                    },
                    {
                        "image": None,
                        "link_page": None,
                        "title": "Olena Kravets",
                        "text": t(
                            "Curly hair and bridal styling; speaks Ukrainian and Russian.",
                            "Locken und Brautfrisuren; spricht Ukrainisch und Russisch.",
                            "Кудрявые волосы и свадебные причёски; говорит по-украински и по-русски.",
                            "Кучеряве волосся та весільні зачіски; розмовляє українською та російською.",
                        ),
                    },
                ),
            },
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
    "address": "Studio Aurora\nKastanienallee 12\n10435 Berlin",
    "phone": "+49 30 1234 5678",
    "map_url": "https://www.openstreetmap.org/?mlat=52.5386&mlon=13.4092#map=18/52.5386/13.4092",
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
        "<p>Studio Aurora GmbH, Kastanienallee 12, 10435 Berlin</p>"
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
        "title": "Winter opening hours",
        "message": p(
            "Winter opening hours: from 1 December we are open until 20:00 on Thursdays and Fridays.",
            "Winteröffnungszeiten: Ab 1. Dezember haben wir donnerstags und freitags bis 20:00 Uhr geöffnet.",
            "Зимний график: с 1 декабря по четвергам и пятницам мы работаем до 20:00.",
            "Зимовий графік: з 1 грудня по четвергах і п'ятницях ми працюємо до 20:00.",
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
