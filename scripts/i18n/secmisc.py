# ruff: noqa: E501  (translations read best one per line)
"""UI strings of the security fixes (issue 9, points 4-8): msgid -> (de, ru, uk)."""

T = {
    "Link expired": ("Link abgelaufen", "Ссылка устарела", "Посилання застаріло"),
    "This link has expired. For questions about a past appointment, please contact us.": (
        "Dieser Link ist abgelaufen. Bei Fragen zu einem vergangenen Termin kontaktieren Sie uns bitte.",
        "Срок действия этой ссылки истёк. С вопросами о прошедшей записи, пожалуйста, свяжитесь с нами.",
        "Термін дії цього посилання минув. З питаннями щодо минулого запису, будь ласка, зв’яжіться з нами.",
    ),
    "This email address has made several bookings recently. Please try again later or contact us.": (
        "Mit dieser E-Mail-Adresse wurden in letzter Zeit mehrere Buchungen vorgenommen. Bitte versuchen Sie es später erneut oder kontaktieren Sie uns.",
        "С этого адреса электронной почты недавно сделано несколько записей. Пожалуйста, попробуйте позже или свяжитесь с нами.",
        "З цієї адреси електронної пошти нещодавно зроблено кілька записів. Будь ласка, спробуйте пізніше або зв’яжіться з нами.",
    ),
    "This email address already has %(count)s upcoming appointments. Please sign in or contact us to book more.": (
        "Für diese E-Mail-Adresse sind bereits %(count)s Termine geplant. Bitte melden Sie sich an oder kontaktieren Sie uns, um weitere zu buchen.",
        "На этот адрес электронной почты уже записано предстоящих визитов: %(count)s. Войдите в аккаунт или свяжитесь с нами, чтобы записаться ещё.",
        "На цю адресу електронної пошти вже є майбутніх записів: %(count)s. Увійдіть в обліковий запис або зв’яжіться з нами, щоб записатися ще.",
    ),
    "You have made several bookings in a short time. Please try again later or contact us.": (
        "Sie haben in kurzer Zeit mehrere Buchungen vorgenommen. Bitte versuchen Sie es später erneut oder kontaktieren Sie uns.",
        "Вы сделали несколько записей за короткое время. Пожалуйста, попробуйте позже или свяжитесь с нами.",
        "Ви зробили кілька записів за короткий час. Будь ласка, спробуйте пізніше або зв’яжіться з нами.",
    ),
    "Sign out": ("Abmelden", "Выйти", "Вийти"),
    "Enter a page path (/en/…) or an address starting with https://, http://, mailto: or tel:.": (
        "Geben Sie einen Seitenpfad (/de/…) oder eine Adresse ein, die mit https://, http://, mailto: oder tel: beginnt.",
        "Введите путь страницы (/ru/…) или адрес, начинающийся с https://, http://, mailto: или tel:.",
        "Введіть шлях сторінки (/uk/…) або адресу, що починається з https://, http://, mailto: чи tel:.",
    ),
    "Can read contact form submissions": (
        "Kann Einsendungen des Kontaktformulars lesen",
        "Может читать сообщения из контактной формы",
        "Може читати повідомлення з контактної форми",
    ),
    "This image has too many pixels. The most an image may have is %(max)s megapixels.": (
        "Dieses Bild hat zu viele Pixel. Ein Bild darf höchstens %(max)s Megapixel haben.",
        "В этом изображении слишком много пикселей. Максимум — %(max)s мегапикселей.",
        "У цьому зображенні забагато пікселів. Максимум — %(max)s мегапікселів.",
    ),
    "This file is not a valid image (it may be damaged or incomplete).": (
        "Diese Datei ist kein gültiges Bild (sie ist vielleicht beschädigt oder unvollständig).",
        "Этот файл не является корректным изображением (возможно, он повреждён или неполон).",
        "Цей файл не є коректним зображенням (можливо, він пошкоджений або неповний).",
    ),
    "file": ("Datei", "файл", "файл"),
}
