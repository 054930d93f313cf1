# ruff: noqa: E501  (prose, not code)
"""Demo catalogue copy: English source text and its de/ru/uk translations.

Translations are keyed by the English string, as wagtail-localize stores them.
"""

SHOP = {
    "title": "Products",
    "slug": "products",
    "intro": "The care and styling products our stylists use every day, for you to take home.",
    "seo_title": "Hair care products from Studio Aurora",
    "search_description": "Shampoo, conditioner, styling and gift cards from our Berlin salon.",
}

SHOP_STRINGS = {
    "de": {
        "Products": "Produkte",
        "products": "produkte",
        SHOP["intro"]: "Die Pflege- und Stylingprodukte, die unsere Stylistinnen täglich verwenden – für zu Hause.",
        SHOP["seo_title"]: "Haarpflegeprodukte von Studio Aurora",
        SHOP["search_description"]: "Shampoo, Spülung, Styling und Gutscheine aus unserem Berliner Salon.",
    },
    "ru": {
        "Products": "Товары",
        "products": "tovary",
        SHOP["intro"]: "Средства для ухода и укладки, которыми наши стилисты пользуются каждый день, — для вас домой.",
        SHOP["seo_title"]: "Средства для волос от Studio Aurora",
        SHOP[
            "search_description"
        ]: "Шампуни, кондиционеры, средства для укладки и подарочные карты из нашего салона в Берлине.",
    },
    "uk": {
        "Products": "Товари",
        "products": "tovary",
        SHOP["intro"]: "Засоби для догляду та укладання, якими наші стилісти користуються щодня, — для вас додому.",
        SHOP["seo_title"]: "Засоби для волосся від Studio Aurora",
        SHOP[
            "search_description"
        ]: "Шампуні, кондиціонери, засоби для укладання та подарункові картки з нашого салону в Берліні.",
    },
}

# upc: (title, description) per language
PRODUCT_TEXT = {
    "AUR-001": {
        "de": (
            "Reparatur-Shampoo mit Arganöl",
            "Ein mildes, sulfatfreies Shampoo, das reinigt, ohne auszutrocknen, und das Haar weich und glänzend macht.",
        ),
        "ru": (
            "Восстанавливающий шампунь с аргановым маслом",
            "Мягкий шампунь без сульфатов: очищает, не пересушивая, и делает волосы мягкими и блестящими.",
        ),
        "uk": (
            "Відновлювальний шампунь з аргановою олією",
            "М'який шампунь без сульфатів: очищує, не пересушуючи, і робить волосся м'яким та блискучим.",
        ),
    },
    "AUR-002": {
        "de": (
            "Feuchtigkeitsspülung",
            "Entwirrt in Sekunden und hält Locken und gefärbtes Haar tagelang mit Feuchtigkeit versorgt.",
        ),
        "ru": ("Увлажняющий кондиционер", "Распутывает за секунды и надолго увлажняет кудрявые и окрашенные волосы."),
        "uk": ("Зволожувальний кондиціонер", "Розплутує за секунди й надовго зволожує кучеряве та фарбоване волосся."),
    },
    "AUR-003": {
        "de": ("Farbschutz-Haarmaske", "Eine wöchentliche Kur, die die Farbe leuchten lässt und Spliss versiegelt."),
        "ru": (
            "Маска для защиты цвета",
            "Еженедельный уход, который сохраняет яркость цвета и запечатывает секущиеся кончики.",
        ),
        "uk": (
            "Маска для захисту кольору",
            "Щотижневий догляд, що зберігає яскравість кольору й запечатує посічені кінчики.",
        ),
    },
    "AUR-004": {
        "de": (
            "Stylingcreme mit leichtem Halt",
            "Sanfte Definition für Wellen und Kurzhaarschnitte, ganz ohne klebriges Gefühl.",
        ),
        "ru": (
            "Крем для укладки лёгкой фиксации",
            "Мягкая текстура для волн и коротких стрижек, без ощущения липкости.",
        ),
        "uk": (
            "Крем для укладання легкої фіксації",
            "М'яка текстура для хвиль і коротких стрижок, без відчуття липкості.",
        ),
    },
    "AUR-005": {
        "de": ("Hitzeschutzspray", "Schützt bis 230 °C vor dem Föhnen, Glätten oder Locken."),
        "ru": ("Термозащитный спрей", "Защищает до 230 °C перед сушкой феном, выпрямлением или завивкой."),
        "uk": ("Термозахисний спрей", "Захищає до 230 °C перед сушінням феном, випрямленням чи завивкою."),
    },
    "AUR-006": {
        "de": ("Paddle-Bürste aus Holz", "Buchenholz mit Naturborsten: sanft zur Kopfhaut, ideal für langes Haar."),
        "ru": (
            "Деревянная массажная щётка",
            "Бук и натуральная щетина: бережна к коже головы, идеальна для длинных волос.",
        ),
        "uk": (
            "Дерев'яна масажна щітка",
            "Бук і натуральна щетина: дбайлива до шкіри голови, ідеальна для довгого волосся.",
        ),
    },
    "AUR-007": {
        "de": ("Gutschein 50 €", "Einlösbar für alle Leistungen und Produkte im Salon. Drei Jahre gültig."),
        "ru": ("Подарочная карта 50 €", "Действует на все услуги и товары салона. Срок действия — три года."),
        "uk": ("Подарункова картка 50 €", "Діє на всі послуги й товари салону. Термін дії — три роки."),
    },
    "AUR-008": {
        "de": ("Volumen-Trockenshampoo", "Frischt den Ansatz zwischen zwei Haarwäschen auf und gibt sofort Volumen."),
        "ru": ("Сухой шампунь для объёма", "Освежает корни между мытьём головы и сразу придаёт объём."),
        "uk": ("Сухий шампунь для об'єму", "Освіжає коріння між миттям голови й одразу додає об'єму."),
    },
    "AUR-009": {
        "de": ("Seidenhaargummis (3 Stück)", "Halten sicher, ohne zu ziehen oder Knicke zu hinterlassen."),
        "ru": ("Шёлковые резинки для волос (3 шт.)", "Надёжно держат, не тянут и не оставляют заломов."),
        "uk": ("Шовкові резинки для волосся (3 шт.)", "Надійно тримають, не тягнуть і не залишають заломів."),
    },
    "AUR-010": {
        "de": ("Pflegendes Haaröl", "Ein paar Tropfen in die Spitzen: weniger Frizz, mehr Glanz, ohne zu beschweren."),
        "ru": (
            "Питательное масло для волос",
            "Несколько капель на кончики: меньше пушистости, больше блеска, без утяжеления.",
        ),
        "uk": (
            "Живильна олія для волосся",
            "Кілька крапель на кінчики: менше пухнастості, більше блиску, без обтяження.",
        ),
    },
}
