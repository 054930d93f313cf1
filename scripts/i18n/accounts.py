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
    "We have sent a link to %(email)s. Your address changes once you open it.": (
        "Wir haben einen Link an %(email)s gesendet. Ihre Adresse ändert sich, sobald Sie ihn öffnen.",
        "Мы отправили ссылку на %(email)s. Адрес изменится, когда вы её откроете.",
        "Ми надіслали посилання на %(email)s. Адреса зміниться, щойно ви його відкриєте.",
    ),
    "Profile updated": ("Profil aktualisiert", "Профиль обновлён", "Профіль оновлено"),
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
    "Somebody tried to create an account with your email address, or to move an account to it, but your address already has one.": (
        "Jemand hat versucht, mit Ihrer E-Mail-Adresse ein Konto anzulegen oder ein Konto auf sie umzustellen; Ihre Adresse hat aber bereits eines.",
        "Кто-то пытался создать аккаунт с вашим адресом или перевести на него аккаунт, но у вашего адреса аккаунт уже есть.",
        "Хтось намагався створити акаунт з вашою адресою або перевести на неї акаунт, але ваша адреса вже має акаунт.",
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
    # Staff two-factor sign-in (ops/twofactor.py)
    "This code is not valid. Enter the current code from your app or a recovery code.": (
        "Dieser Code ist ungültig. Geben Sie den aktuellen Code aus Ihrer App oder einen Wiederherstellungscode ein.",
        "Код неверен. Введите текущий код из приложения или код восстановления.",
        "Код недійсний. Введіть поточний код із застосунку або код відновлення.",
    ),
    "This code is not valid. Check the time on your phone and try the current code.": (
        "Dieser Code ist ungültig. Prüfen Sie die Uhrzeit auf Ihrem Telefon und versuchen Sie den aktuellen Code.",
        "Код неверен. Проверьте время на телефоне и введите текущий код.",
        "Код недійсний. Перевірте час на телефоні та введіть поточний код.",
    ),
    "Authenticator app": ("Authenticator-App", "Приложение-аутентификатор", "Застосунок-автентифікатор"),
    "Recovery codes": ("Wiederherstellungscodes", "Коды восстановления", "Коди відновлення"),
    "Two-factor sign-in": ("Zwei-Faktor-Anmeldung", "Двухфакторный вход", "Двофакторний вхід"),
    "Enter the 6-digit code from your authenticator app, or one of your recovery codes.": (
        "Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.",
        "Введите 6-значный код из приложения-аутентификатора или один из кодов восстановления.",
        "Введіть 6-значний код із застосунку-автентифікатора або один із кодів відновлення.",
    ),
    "Set up two-factor sign-in": (
        "Zwei-Faktor-Anmeldung einrichten",
        "Настройка двухфакторного входа",
        "Налаштування двофакторного входу",
    ),
    "Scan this code with an authenticator app (for example FreeOTP, Aegis or Google Authenticator), or type in the key below. Then enter the 6-digit code the app shows.": (
        "Scannen Sie diesen Code mit einer Authenticator-App (zum Beispiel FreeOTP, Aegis oder Google Authenticator) oder geben Sie den Schlüssel unten ein. Geben Sie dann den 6-stelligen Code aus der App ein.",
        "Отсканируйте этот код приложением-аутентификатором (например, FreeOTP, Aegis или Google Authenticator) или введите ключ ниже. Затем введите 6-значный код из приложения.",
        "Відскануйте цей код застосунком-автентифікатором (наприклад, FreeOTP, Aegis або Google Authenticator) або введіть ключ нижче. Потім введіть 6-значний код із застосунку.",
    ),
    "Key": ("Schlüssel", "Ключ", "Ключ"),
    "Turn on two-factor sign-in": (
        "Zwei-Faktor-Anmeldung einschalten",
        "Включить двухфакторный вход",
        "Увімкнути двофакторний вхід",
    ),
    "Your recovery codes": ("Ihre Wiederherstellungscodes", "Ваши коды восстановления", "Ваші коди відновлення"),
    "Two-factor sign-in is on": (
        "Die Zwei-Faktor-Anmeldung ist eingeschaltet",
        "Двухфакторный вход включён",
        "Двофакторний вхід увімкнено",
    ),
    "Keep these recovery codes somewhere safe. Each one signs you in once if you lose your phone. They are shown only now.": (
        "Bewahren Sie diese Wiederherstellungscodes sicher auf. Jeder meldet Sie einmal an, falls Sie Ihr Telefon verlieren. Sie werden nur jetzt angezeigt.",
        "Сохраните эти коды восстановления в надёжном месте. Каждый из них позволяет войти один раз, если вы потеряете телефон. Они показываются только сейчас.",
        "Збережіть ці коди відновлення в надійному місці. Кожен дає змогу увійти один раз, якщо ви втратите телефон. Вони показуються лише зараз.",
    ),
    "Sign in with a code from an authenticator app as well as your password.": (
        "Melden Sie sich zusätzlich zum Passwort mit einem Code aus einer Authenticator-App an.",
        "Вход с кодом из приложения-аутентификатора в дополнение к паролю.",
        "Вхід із кодом із застосунку-автентифікатора на додаток до пароля.",
    ),
    "Code": ("Code", "Код", "Код"),
    "Verify": ("Bestätigen", "Подтвердить", "Підтвердити"),
    "Bookings you made as a guest appear here once you have confirmed your email address.": (
        "Termine, die Sie als Gast gebucht haben, erscheinen hier, sobald Sie Ihre E-Mail-Adresse bestätigt haben.",
        "Записи, сделанные как гость, появятся здесь после подтверждения адреса электронной почты.",
        "Записи, зроблені як гість, з’являться тут після підтвердження адреси електронної пошти.",
    ),
    "Your profile": ("Ihr Profil", "Ваш профиль", "Ваш профіль"),
    "Password reset": ("Passwort zurücksetzen", "Сброс пароля", "Скидання пароля"),
    "Somebody asked to reset the password of an account with this email address, but there is no account for it.": (
        "Jemand hat angefordert, das Passwort eines Kontos mit dieser E-Mail-Adresse zurückzusetzen, aber für diese Adresse gibt es kein Konto.",
        "Кто-то запросил сброс пароля аккаунта с этим адресом, но аккаунта с таким адресом нет.",
        "Хтось запросив скидання пароля акаунта з цією адресою, але акаунта з такою адресою немає.",
    ),
    "If it was you, you may have signed up with another address, or you can create an account here:": (
        "Wenn Sie das waren, haben Sie sich vielleicht mit einer anderen Adresse registriert, oder Sie können hier ein Konto anlegen:",
        "Если это были вы, возможно, вы регистрировались с другим адресом, или можете создать аккаунт здесь:",
        "Якщо це були ви, можливо, ви реєструвалися з іншою адресою, або можете створити акаунт тут:",
    ),
    "Your email address was changed": (
        "Ihre E-Mail-Adresse wurde geändert",
        "Ваш адрес электронной почты изменён",
        "Вашу адресу електронної пошти змінено",
    ),
    "The email address of your account is now %(new)s.": (
        "Die E-Mail-Adresse Ihres Kontos lautet jetzt %(new)s.",
        "Адрес электронной почты вашего аккаунта теперь %(new)s.",
        "Адреса електронної пошти вашого акаунта тепер %(new)s.",
    ),
    "If you did not do this, reset your password here and contact us:": (
        "Wenn Sie das nicht waren, setzen Sie hier Ihr Passwort zurück und kontaktieren Sie uns:",
        "Если это были не вы, сбросьте пароль здесь и свяжитесь с нами:",
        "Якщо це були не ви, скиньте пароль тут і зв’яжіться з нами:",
    ),
}
