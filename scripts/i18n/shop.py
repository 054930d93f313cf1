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
T.update(
    {
        # Checkout and payment
        "Payment": ("Zahlung", "Оплата", "Оплата"),
        "Card": ("Karte", "Карта", "Картка"),
        "Pay %(total)s and place order": (
            "%(total)s bezahlen und bestellen",
            "Оплатить %(total)s и оформить заказ",
            "Сплатити %(total)s і оформити замовлення",
        ),
        "Your card is only charged once your order has been placed.": (
            "Ihre Karte wird erst belastet, wenn Ihre Bestellung aufgegeben ist.",
            "Деньги списываются с карты только после оформления заказа.",
            "Кошти списуються з картки лише після оформлення замовлення.",
        ),
        "Online payment is offline at the moment: no card can be charged.": (
            "Die Online-Zahlung ist derzeit nicht verfügbar: Es kann keine Karte belastet werden.",
            "Онлайн-оплата сейчас недоступна: списать деньги с карты невозможно.",
            "Онлайн-оплата зараз недоступна: списати кошти з картки неможливо.",
        ),
        "Place a test order without payment (development only)": (
            "Testbestellung ohne Zahlung aufgeben (nur Entwicklung)",
            "Оформить тестовый заказ без оплаты (только для разработки)",
            "Оформити тестове замовлення без оплати (лише для розробки)",
        ),
        "Online payment is offline at the moment. Nothing was charged.": (
            "Die Online-Zahlung ist derzeit nicht verfügbar. Es wurde nichts belastet.",
            "Онлайн-оплата сейчас недоступна. Деньги не списаны.",
            "Онлайн-оплата зараз недоступна. Кошти не списано.",
        ),
        "Please enter your card details.": (
            "Bitte geben Sie Ihre Kartendaten ein.",
            "Пожалуйста, введите данные карты.",
            "Будь ласка, введіть дані картки.",
        ),
        "Please confirm the payment with your bank.": (
            "Bitte bestätigen Sie die Zahlung bei Ihrer Bank.",
            "Пожалуйста, подтвердите платёж в своём банке.",
            "Будь ласка, підтвердьте платіж у своєму банку.",
        ),
        "This payment does not belong to your order. Please try again.": (
            "Diese Zahlung gehört nicht zu Ihrer Bestellung. Bitte versuchen Sie es erneut.",
            "Этот платёж не относится к вашему заказу. Попробуйте ещё раз.",
            "Цей платіж не стосується вашого замовлення. Спробуйте ще раз.",
        ),
        "Your basket changed during payment. Nothing was charged; please pay again.": (
            "Ihr Warenkorb hat sich während der Zahlung geändert. Es wurde nichts belastet; bitte zahlen Sie erneut.",
            "Корзина изменилась во время оплаты. Деньги не списаны; оплатите ещё раз.",
            "Кошик змінився під час оплати. Кошти не списано; сплатіть ще раз.",
        ),
        "Your card was declined. Please use another card.": (
            "Ihre Karte wurde abgelehnt. Bitte verwenden Sie eine andere Karte.",
            "Ваша карта отклонена. Используйте другую карту.",
            "Вашу картку відхилено. Скористайтеся іншою карткою.",
        ),
        "Your card details could not be used. Please check them and try again.": (
            "Ihre Kartendaten konnten nicht verwendet werden. Bitte prüfen Sie sie und versuchen Sie es erneut.",
            "Не удалось использовать данные карты. Проверьте их и попробуйте ещё раз.",
            "Не вдалося використати дані картки. Перевірте їх і спробуйте ще раз.",
        ),
        "This payment could not be found. Please try again.": (
            "Diese Zahlung wurde nicht gefunden. Bitte versuchen Sie es erneut.",
            "Платёж не найден. Попробуйте ещё раз.",
            "Платіж не знайдено. Спробуйте ще раз.",
        ),
        # Emails
        "Your order %(number)s": ("Ihre Bestellung %(number)s", "Ваш заказ %(number)s", "Ваше замовлення %(number)s"),
        "Thank you for your order!": (
            "Vielen Dank für Ihre Bestellung!",
            "Спасибо за заказ!",
            "Дякуємо за замовлення!",
        ),
        "Order number: %(number)s": (
            "Bestellnummer: %(number)s",
            "Номер заказа: %(number)s",
            "Номер замовлення: %(number)s",
        ),
        "Subtotal": ("Zwischensumme", "Подытог", "Проміжний підсумок"),
        "Shipping": ("Versand", "Доставка", "Доставка"),
        "Tax included": ("Enthaltene Steuer", "Включая налог", "Включно з податком"),
        "Total": ("Gesamt", "Итого", "Разом"),
        "Product": ("Produkt", "Товар", "Товар"),
        "Quantity": ("Menge", "Количество", "Кількість"),
        "Shipping to": ("Lieferung an", "Доставка по адресу", "Доставка за адресою"),
        "We will let you know when your order is on its way.": (
            "Wir sagen Ihnen Bescheid, sobald Ihre Bestellung unterwegs ist.",
            "Мы сообщим вам, когда заказ будет отправлен.",
            "Ми повідомимо вас, коли замовлення буде відправлено.",
        ),
        "Your order %(number)s is on its way": (
            "Ihre Bestellung %(number)s ist unterwegs",
            "Ваш заказ %(number)s отправлен",
            "Ваше замовлення %(number)s відправлено",
        ),
        "Good news: your order has been shipped.": (
            "Gute Nachricht: Ihre Bestellung wurde versandt.",
            "Хорошие новости: ваш заказ отправлен.",
            "Гарні новини: ваше замовлення відправлено.",
        ),
        "Your order %(number)s has been refunded": (
            "Ihre Bestellung %(number)s wurde erstattet",
            "Деньги за заказ %(number)s возвращены",
            "Кошти за замовлення %(number)s повернуто",
        ),
        "We have refunded your payment. It can take a few days to appear on your statement.": (
            "Wir haben Ihre Zahlung erstattet. Es kann einige Tage dauern, bis sie auf Ihrem Kontoauszug erscheint.",
            "Мы вернули ваш платёж. Он может появиться в выписке через несколько дней.",
            "Ми повернули ваш платіж. Він може з'явитися у виписці за кілька днів.",
        ),
        "Your order %(number)s has been cancelled": (
            "Ihre Bestellung %(number)s wurde storniert",
            "Ваш заказ %(number)s отменён",
            "Ваше замовлення %(number)s скасовано",
        ),
        "Your order has been cancelled. If you were charged, the money will be returned to you.": (
            "Ihre Bestellung wurde storniert. Falls Sie belastet wurden, erhalten Sie das Geld zurück.",
            "Ваш заказ отменён. Если деньги были списаны, они будут возвращены.",
            "Ваше замовлення скасовано. Якщо кошти було списано, їх буде повернуто.",
        ),
    }
)
T.update(
    {
        # Wagtail admin
        "Orders": ("Bestellungen", "Заказы", "Замовлення"),
        "Orders and revenue": ("Bestellungen und Umsatz", "Заказы и выручка", "Замовлення та виручка"),
        "Last 7 days": ("Letzte 7 Tage", "Последние 7 дней", "Останні 7 днів"),
        "Last 30 days": ("Letzte 30 Tage", "Последние 30 дней", "Останні 30 днів"),
        "All time": ("Gesamt", "За всё время", "За весь час"),
        "Revenue (paid orders)": (
            "Umsatz (bezahlte Bestellungen)",
            "Выручка (оплаченные заказы)",
            "Виручка (сплачені замовлення)",
        ),
        "%(pending)s pending, %(refunded)s refunded.": (
            "%(pending)s offen, %(refunded)s erstattet.",
            "%(pending)s в ожидании, %(refunded)s возвращено.",
            "%(pending)s в очікуванні, %(refunded)s повернуто.",
        ),
        "Orders and refunds": ("Bestellungen und Erstattungen", "Заказы и возвраты", "Замовлення та повернення"),
        "Order": ("Bestellung", "Заказ", "Замовлення"),
        "Placed": ("Aufgegeben", "Оформлен", "Оформлено"),
        "Customer": ("Kunde", "Покупатель", "Покупець"),
        "Refunded": ("Erstattet", "Возвращено", "Повернуто"),
        "Status": ("Status", "Статус", "Статус"),
        "Refund in full": ("Vollständig erstatten", "Вернуть полностью", "Повернути повністю"),
        "No orders yet.": ("Noch keine Bestellungen.", "Заказов пока нет.", "Замовлень поки немає."),
        "Order %(number)s cannot be refunded in its current state.": (
            "Bestellung %(number)s kann in ihrem aktuellen Status nicht erstattet werden.",
            "Заказ %(number)s нельзя вернуть в текущем статусе.",
            "Замовлення %(number)s не можна повернути в поточному статусі.",
        ),
        "Order %(number)s has no card payment to refund.": (
            "Bestellung %(number)s hat keine Kartenzahlung, die erstattet werden kann.",
            "У заказа %(number)s нет оплаты картой для возврата.",
            "Замовлення %(number)s не має оплати карткою для повернення.",
        ),
        "Stripe refused the refund: %(error)s": (
            "Stripe hat die Erstattung abgelehnt: %(error)s",
            "Stripe отклонил возврат: %(error)s",
            "Stripe відхилив повернення: %(error)s",
        ),
        "Order %(number)s was refunded.": (
            "Bestellung %(number)s wurde erstattet.",
            "Заказ %(number)s возвращён.",
            "Замовлення %(number)s повернуто.",
        ),
    }
)
# Shipping methods (shop/shipping/repository.py)
T.update(
    {
        "Pickup in the salon": ("Abholung im Salon", "Самовывоз из салона", "Самовивіз із салону"),
        "Collect your order in the salon during opening hours. Free of charge.": (
            "Holen Sie Ihre Bestellung während der Öffnungszeiten im Salon ab. Kostenlos.",
            "Заберите заказ в салоне в часы работы. Бесплатно.",
            "Заберіть замовлення в салоні в години роботи. Безкоштовно.",
        ),
        "Standard delivery": ("Standardversand", "Стандартная доставка", "Стандартна доставка"),
        "Sent by post, usually within 2–4 working days.": (
            "Versand per Post, in der Regel innerhalb von 2–4 Werktagen.",
            "Почтой, обычно в течение 2–4 рабочих дней.",
            "Поштою, зазвичай протягом 2–4 робочих днів.",
        ),
    }
)
