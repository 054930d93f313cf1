# ruff: noqa: E501  (translations read best one per line)
"""Accounts: email confirmation, sign-in protection, two-factor sign-in: msgid -> (de, ru, uk)."""

T = {
    "verified email address": (
        "bestätigte E-Mail-Adresse",
        "подтверждённый адрес электронной почты",
        "підтверджена адреса електронної пошти",
    ),
    "Kept until the order is delivered: needed to ship it.": (
        "Bleibt gespeichert, bis die Bestellung geliefert ist: für den Versand nötig.",
        "Хранится до доставки заказа: нужно для отправки.",
        "Зберігається до доставки замовлення: потрібно для відправлення.",
    ),
    "An order that is paid but not yet delivered keeps its delivery address and email until it has been shipped.": (
        "Eine bezahlte, noch nicht gelieferte Bestellung behält Lieferadresse und E-Mail, bis sie versandt ist.",
        "Оплаченный, но ещё не доставленный заказ сохраняет адрес доставки и e-mail до отправки.",
        "Оплачене, але ще не доставлене замовлення зберігає адресу доставки та e-mail до відправлення.",
    ),
    "Thank you. We have sent a message to %(email)s: open its link to confirm your address, then sign in.": (
        "Vielen Dank. Wir haben eine Nachricht an %(email)s gesendet: Öffnen Sie den Link darin, um Ihre Adresse zu bestätigen, und melden Sie sich dann an.",
        "Спасибо. Мы отправили письмо на %(email)s: откройте ссылку в нём, чтобы подтвердить адрес, затем войдите.",
        "Дякуємо. Ми надіслали лист на %(email)s: відкрийте посилання в ньому, щоб підтвердити адресу, потім увійдіть.",
    ),
    "We have sent a link to %(email)s. Open it to confirm your new address.": (
        "Wir haben einen Link an %(email)s gesendet. Öffnen Sie ihn, um Ihre neue Adresse zu bestätigen.",
        "Мы отправили ссылку на %(email)s. Откройте её, чтобы подтвердить новый адрес.",
        "Ми надіслали посилання на %(email)s. Відкрийте його, щоб підтвердити нову адресу.",
    ),
    "This confirmation link is invalid or has expired. Sign in and ask for a new one on your profile page.": (
        "Dieser Bestätigungslink ist ungültig oder abgelaufen. Melden Sie sich an und fordern Sie auf Ihrer Profilseite einen neuen an.",
        "Эта ссылка для подтверждения недействительна или устарела. Войдите и запросите новую на странице профиля.",
        "Це посилання для підтвердження недійсне або застаріло. Увійдіть і запросіть нове на сторінці профілю.",
    ),
    "Thank you, your address %(email)s is confirmed.": (
        "Vielen Dank, Ihre Adresse %(email)s ist bestätigt.",
        "Спасибо, ваш адрес %(email)s подтверждён.",
        "Дякуємо, вашу адресу %(email)s підтверджено.",
    ),
    "We have sent a link to %(email)s.": (
        "Wir haben einen Link an %(email)s gesendet.",
        "Мы отправили ссылку на %(email)s.",
        "Ми надіслали посилання на %(email)s.",
    ),
    "address confirmed": ("Adresse bestätigt", "адрес подтверждён", "адресу підтверджено"),
    "address not confirmed yet": (
        "Adresse noch nicht bestätigt",
        "адрес ещё не подтверждён",
        "адресу ще не підтверджено",
    ),
    "Send the confirmation link again": (
        "Bestätigungslink erneut senden",
        "Отправить ссылку ещё раз",
        "Надіслати посилання ще раз",
    ),
    "Please confirm your email address": (
        "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "Пожалуйста, подтвердите адрес электронной почты",
        "Будь ласка, підтвердьте адресу електронної пошти",
    ),
    "Hello,": ("Hallo,", "Здравствуйте!", "Вітаємо!"),
    "Please confirm that %(email)s is your address by opening this link (valid for %(hours)s hours):": (
        "Bitte bestätigen Sie, dass %(email)s Ihre Adresse ist, indem Sie diesen Link öffnen (gültig für %(hours)s Stunden):",
        "Подтвердите, что %(email)s — ваш адрес, открыв эту ссылку (действует %(hours)s ч.):",
        "Підтвердьте, що %(email)s — ваша адреса, відкривши це посилання (дійсне %(hours)s год.):",
    ),
    "Once it is confirmed, bookings and orders you made as a guest with this address appear in your account.": (
        "Sobald sie bestätigt ist, erscheinen Termine und Bestellungen, die Sie als Gast mit dieser Adresse gemacht haben, in Ihrem Konto.",
        "После подтверждения записи и заказы, сделанные как гость с этим адресом, появятся в вашем аккаунте.",
        "Після підтвердження записи та замовлення, зроблені як гість з цією адресою, з’являться у вашому акаунті.",
    ),
    "If you did not ask for this, you can ignore this message.": (
        "Wenn Sie das nicht angefordert haben, können Sie diese Nachricht ignorieren.",
        "Если вы этого не запрашивали, просто проигнорируйте это письмо.",
        "Якщо ви цього не запитували, просто проігноруйте цей лист.",
    ),
    "You already have an account": ("Sie haben bereits ein Konto", "У вас уже есть аккаунт", "У вас уже є акаунт"),
    "Somebody tried to create an account with your email address, which already has one.": (
        "Jemand hat versucht, mit Ihrer E-Mail-Adresse ein Konto anzulegen; für diese Adresse gibt es bereits eines.",
        "Кто-то пытался создать аккаунт с вашим адресом, для которого аккаунт уже есть.",
        "Хтось намагався створити акаунт з вашою адресою, для якої акаунт уже є.",
    ),
    "If it was you, sign in here:": (
        "Wenn Sie das waren, melden Sie sich hier an:",
        "Если это были вы, войдите здесь:",
        "Якщо це були ви, увійдіть тут:",
    ),
    "Forgot your password? Choose a new one here:": (
        "Passwort vergessen? Wählen Sie hier ein neues:",
        "Забыли пароль? Задайте новый здесь:",
        "Забули пароль? Задайте новий тут:",
    ),
    "If it was not you, you can ignore this message; your account is unchanged.": (
        "Wenn Sie es nicht waren, können Sie diese Nachricht ignorieren; Ihr Konto bleibt unverändert.",
        "Если это были не вы, проигнорируйте письмо: ваш аккаунт не изменён.",
        "Якщо це були не ви, проігноруйте лист: ваш акаунт не змінено.",
    ),
    # Oscar's profile page (templates/oscar/customer/profile/profile.html is ours now)
    "Email address": ("E-Mail-Adresse", "Адрес электронной почты", "Адреса електронної пошти"),
    "Date registered": ("Registriert am", "Дата регистрации", "Дата реєстрації"),
    "Change password": ("Passwort ändern", "Изменить пароль", "Змінити пароль"),
    "Edit profile": ("Profil bearbeiten", "Редактировать профиль", "Редагувати профіль"),
    "Delete profile": ("Profil löschen", "Удалить профиль", "Видалити профіль"),
}
