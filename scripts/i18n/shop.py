# ruff: noqa: E501  (prose, not code)
"""UI strings of the shop (shop/, templates/oscar/ overrides, shop emails): msgid -> (de, ru, uk)."""

T = {
    # Page types and records
    "Shop": ("Shop", "Магазин", "Магазин"),
    "shop page": ("Shop-Seite", "страница магазина", "сторінка магазину"),
    "product page": ("Produktseite", "страница товара", "сторінка товару"),
    "product": ("Produkt", "товар", "товар"),
    "summary": ("Kurzbeschreibung", "краткое описание", "короткий опис"),
    "The address “shop” is reserved for the basket and checkout.": (
        "Die Adresse „shop“ ist für Warenkorb und Kasse reserviert.",
        "Адрес «shop» зарезервирован для корзины и оформления заказа.",
        "Адреса «shop» зарезервована для кошика та оформлення замовлення.",
    ),
    # Listing
    "Featured": ("Empfohlen", "Рекомендуемые", "Рекомендовані"),
    "Name (A–Z)": ("Name (A–Z)", "Название (А–Я)", "Назва (А–Я)"),
    "Name (Z–A)": ("Name (Z–A)", "Название (Я–А)", "Назва (Я–А)"),
    "Price (low to high)": ("Preis (aufsteigend)", "Цена (по возрастанию)", "Ціна (за зростанням)"),
    "Price (high to low)": ("Preis (absteigend)", "Цена (по убыванию)", "Ціна (за спаданням)"),
    "Search products": ("Produkte suchen", "Поиск товаров", "Пошук товарів"),
    "Category": ("Kategorie", "Категория", "Категорія"),
    "All categories": ("Alle Kategorien", "Все категории", "Усі категорії"),
    "Sort by": ("Sortieren nach", "Сортировать", "Сортувати"),
    "Show": ("Anzeigen", "Показать", "Показати"),
    "In stock": ("Auf Lager", "В наличии", "В наявності"),
    "Sold out": ("Ausverkauft", "Распродано", "Розпродано"),
    "Previous": ("Zurück", "Назад", "Назад"),
    "Next": ("Weiter", "Далее", "Далі"),
    "Page %(number)s of %(total)s": (
        "Seite %(number)s von %(total)s",
        "Страница %(number)s из %(total)s",
        "Сторінка %(number)s з %(total)s",
    ),
    "No products match your search.": (
        "Keine Produkte passen zu Ihrer Suche.",
        "По вашему запросу товаров не найдено.",
        "За вашим запитом товарів не знайдено.",
    ),
    "No image yet": ("Noch kein Bild", "Изображения пока нет", "Зображення поки немає"),
    "Add to basket": ("In den Warenkorb", "В корзину", "До кошика"),
    # Demo categories and options (shown through {% translate %})
    "Hair care": ("Haarpflege", "Уход за волосами", "Догляд за волоссям"),
    "Styling": ("Styling", "Укладка", "Укладання"),
    "Accessories": ("Accessoires", "Аксессуары", "Аксесуари"),
    "Gift cards": ("Gutscheine", "Подарочные карты", "Подарункові картки"),
    "Scent": ("Duft", "Аромат", "Аромат"),
    "Engraving": ("Gravur", "Гравировка", "Гравіювання"),
    "Colour": ("Farbe", "Цвет", "Колір"),
    # Stock
    "Sorry, “%(title)s” sold out while you were checking out. Your card has not been charged.": (
        "Leider ist „%(title)s“ während Ihres Bezahlvorgangs ausverkauft. Ihre Karte wurde nicht belastet.",
        "К сожалению, «%(title)s» распродан, пока вы оформляли заказ. Деньги с карты не списаны.",
        "На жаль, «%(title)s» розпродано, поки ви оформлювали замовлення. Кошти з картки не списано.",
    ),
}
