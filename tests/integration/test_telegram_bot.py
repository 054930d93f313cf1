"""The Telegram bot against a local fake of the Bot API over HTTP (tests/telegram_fake.py):
updates go in through getUpdates, the bot's messages and keyboards come out, in each language;
booking through the bot goes through booking.operations (one appointment, the email)."""

import asyncio
import time
from datetime import UTC, datetime

import pytest
import time_machine
from asgiref.sync import async_to_sync
from django.core import mail
from django.core.management import CommandError, call_command

from booking import states
from booking.models import Appointment
from booking.operations import cancel
from bot import linking
from bot.models import TelegramLink
from bot.telegram import build_application
from tests.booking_fixtures import book_at, make_booking_page, make_service, make_staff, make_venue
from tests.telegram_fake import FakeTelegram

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)  # Saturday; Monday 3 June is bookable
MONDAY_10 = "20300603T0800Z"  # 10:00 in Berlin
TOKEN = "4242:test-token"


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def studio(home_page):
    venue = make_venue(home_page)
    page = make_booking_page(venue)
    haircut = make_service("Haircut", 60)
    anna = make_staff(venue, "Anna", [haircut])
    return venue, page, haircut, anna


@pytest.fixture
def fake(settings):
    with FakeTelegram(TOKEN) as fake:
        settings.TELEGRAM_BOT_TOKEN = TOKEN
        settings.TELEGRAM_BOT_USERNAME = "studio_test_bot"
        settings.TELEGRAM_API_BASE_URL = fake.base_url
        yield fake


def run_bot(fake, replies):
    """Poll the fake until the bot has sent `replies` more messages (or 10 s have passed)."""
    expected = len(fake.sent()) + replies

    async def main():
        application = build_application(TOKEN, fake.base_url)
        async with application:
            await application.start()
            await application.updater.start_polling(poll_interval=0, timeout=0)
            deadline = time.monotonic() + 10
            while (len(fake.sent()) < expected or fake.pending()) and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            await application.updater.stop()
            await application.stop()

    # async_to_sync from the test's thread: the handlers' ORM calls run in this thread,
    # inside the test's database transaction.
    async_to_sync(main)()
    return fake.sent()[expected - replies :]


def buttons(message):
    return [label for row in message["buttons"] for label, _data in row]


def data(message, label):
    return next(d for row in message["buttons"] for text, d in row if text == label)


@pytest.mark.parametrize(
    ("language", "greeting", "book"),
    [
        ("en", "Hello! I can book appointments for you.", "/book – book an appointment"),
        ("de", "Hallo! Ich kann Termine für Sie buchen.", "/book – einen Termin buchen"),
        ("ru", "Здравствуйте! Я могу записать вас на приём.", "/book – записаться"),
        ("uk", "Вітаю! Я можу записати вас на прийом.", "/book – записатися"),
    ],
)
def test_start_answers_in_the_telegram_users_language(studio, fake, language, greeting, book):
    fake.message("/start", language=language)
    (reply,) = run_bot(fake, 1)
    assert reply["text"].startswith(greeting) and book in reply["text"]
    assert TelegramLink.objects.get(chat_id=777).language == language


def test_language_command_switches_the_language(studio, fake):
    fake.message("/language", language="en")
    (menu,) = run_bot(fake, 1)
    assert buttons(menu) == ["English", "Deutsch", "Русский", "Українська"]
    fake.tap(data(menu, "Українська"))
    (answer,) = run_bot(fake, 1)
    assert answer["method"] == "editMessageText" and answer["text"].startswith("Я говоритиму з вами українською.")
    fake.message("/book", language="en")  # the chosen language wins over Telegram's from now on
    (services,) = run_bot(fake, 1)
    assert services["text"] == "Яку послугу ви бажаєте?"


def test_booking_through_the_bot_books_once_and_sends_the_email(
    studio, fake, run_tasks, django_capture_on_commit_callbacks
):
    venue, _page, haircut, anna = studio
    fake.message("/book")
    (services,) = run_bot(fake, 1)
    assert services["text"] == "Which service would you like?" and buttons(services) == ["Haircut"]
    fake.tap(data(services, "Haircut"))
    (staff,) = run_bot(fake, 1)
    assert buttons(staff) == ["Anyone available", "Anna"]
    fake.tap(data(staff, "Anna"))
    (days,) = run_bot(fake, 1)
    assert days["text"] == "Which day?" and "Mon 3 Jun" in buttons(days)
    fake.tap(data(days, "Mon 3 Jun"))
    (times,) = run_bot(fake, 1)
    assert times["text"] == "Which time on June 3, 2030?" and "10:00" in buttons(times)
    fake.tap(data(times, "10:00"))
    (summary,) = run_bot(fake, 1)
    assert summary["text"] == "Please confirm: Haircut with Anna, June 3, 2030 at 10:00 (Studio Mitte)."
    fake.tap(data(summary, "Confirm"))
    (ask,) = run_bot(fake, 1)
    assert "name and email address" in ask["text"]
    fake.message("Olga Petrova, olga@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        (done,) = run_bot(fake, 1)
    run_tasks()
    assert done["text"] == (
        "Booked! Haircut with Anna, June 3, 2030 at 10:00 (Studio Mitte). "
        "We have sent the confirmation to olga@example.com."
    )
    appointment = Appointment.objects.get()
    assert (appointment.client_email, appointment.staff, appointment.start) == (
        "olga@example.com",
        anna,
        datetime(2030, 6, 3, 8, tzinfo=UTC),
    )
    assert appointment.status == states.CONFIRMED and appointment.language == "en"
    assert [m.to for m in mail.outbox] == [["olga@example.com"]]
    # My bookings lists it with its buttons.
    fake.message("/mine")
    (mine,) = run_bot(fake, 1)
    assert mine["text"] == "Haircut with Anna, June 3, 2030 at 10:00 (Studio Mitte)"
    assert buttons(mine) == ["Reschedule", "Cancel"]


def test_the_name_and_email_follow_the_websites_form(studio, fake, run_tasks, django_capture_on_commit_callbacks):
    """Appointment.client_name holds 120 characters; "ｅxample.com" is example.com (the limits compare it)."""
    venue, _page, haircut, anna = studio
    fake.tap(f"ok:{venue.pk}:{haircut.pk}:{anna.pk}:20300603:{MONDAY_10}")
    (ask,) = run_bot(fake, 1)
    fake.message("O" * 150 + ", olga@example.com")
    (again,) = run_bot(fake, 1)
    assert again["text"].startswith("Please send your name and email address")
    assert Appointment.objects.count() == 0 and TelegramLink.objects.get().pending
    fake.message("Olga, olga@\uff45xample.com")
    with django_capture_on_commit_callbacks(execute=True):
        (done,) = run_bot(fake, 1)
    assert done["text"].startswith("Booked!")
    assert Appointment.objects.get().client_email == TelegramLink.objects.get().client_email == "olga@example.com"


def test_a_taken_slot_answers_clearly_and_books_nothing(studio, fake):
    venue, _page, haircut, anna = studio
    TelegramLink.objects.create(chat_id=777, language="de", client_name="Olga", client_email="olga@example.com")
    fake.tap(f"ok:{venue.pk}:{haircut.pk}:{anna.pk}:20300603:{MONDAY_10}")
    book_at(venue, haircut, anna, client_email="other@example.com")  # someone was quicker
    mail.outbox.clear()
    (answer,) = run_bot(fake, 1)
    assert answer["text"] == "Dieser Termin wurde leider gerade vergeben. Bitte wählen Sie eine andere Zeit."
    assert buttons(answer) == ["Andere Zeit wählen"]
    assert Appointment.objects.count() == 1 and mail.outbox == []


def test_the_booking_limits_of_the_website_apply(studio, fake, settings):
    venue, _page, haircut, anna = studio
    settings.BOOKING_LIMIT_EMAIL_PER_HOUR = 1
    book_at(venue, haircut, anna, start=datetime(2030, 6, 4, 8, tzinfo=UTC))  # olga@ booked on the website
    TelegramLink.objects.create(chat_id=777, language="en", client_name="Olga", client_email="olga@example.com")
    fake.tap(f"ok:{venue.pk}:{haircut.pk}:0:20300603:{MONDAY_10}")
    (answer,) = run_bot(fake, 1)
    assert answer["text"].startswith("This email address has made several bookings recently.")
    assert Appointment.objects.count() == 1


def test_garbled_buttons_get_an_answer_not_an_error(studio, fake):
    """Clients can send any callback data: unknown ids, huge numbers, far dates, junk."""
    venue, _page, haircut, anna = studio
    path = f"bk:{venue.pk}:{haircut.pk}:{anna.pk}"
    garbage = [
        "bk:999999:x",
        "bk:99999999999999999999999",
        f"{path}:99991231",
        f"{path}:20300603:99991231T2359Z",
        f"ok:{venue.pk}:{haircut.pk}:{anna.pk}:20300603:19000101T0000Z",
        f"ok:{venue.pk}:{haircut.pk}:{anna.pk}:20300603:{MONDAY_10}:" + "x" * 200,  # too long for `pending`
        "cx:-1",
        "rs:1:00000000",
        "mv:1",
        "zz",
    ]
    for data in garbage:
        fake.tap(data)
    answers = run_bot(fake, len(garbage))
    assert [a["text"] for a in answers] == ["This choice is no longer available. Please start again with /book."] * len(
        garbage
    )
    assert TelegramLink.objects.get().pending == ""


def test_deep_link_from_the_confirmation_page_links_the_chat_and_sends_notices(
    studio, fake, client, run_tasks, django_capture_on_commit_callbacks
):
    venue, page, haircut, anna = studio
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book_at(venue, haircut, anna, page=page, language="ru")
    run_tasks()
    (email,) = mail.outbox  # the confirmation email carries the link too
    assert "Получать подтверждение и напоминание в Telegram:\nhttps://t.me/studio_test_bot?start=" in email.body
    done = client.get(page.url + page.reverse_subpage("done", args=[appointment.manage_token]))
    link = done.context["more_links"][0][1]
    assert link.startswith("https://t.me/studio_test_bot?start=") and link in done.content.decode()
    token = link.partition("start=")[2]
    assert linking.read_token(token) == appointment.pk and len(token) <= 64

    fake.message(f"/start {token}", language="ru")
    linked, _help = run_bot(fake, 2)
    assert linked["text"].startswith("Готово. Подтверждения и напоминание об этой записи будут приходить и сюда.")
    assert list(TelegramLink.objects.get(chat_id=777).appointments.all()) == [appointment]

    # Cancelling on the website: the email and a Telegram message in the chat's language.
    run_tasks()
    fake.calls.clear()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(appointment)
    run_tasks()
    assert [m.to for m in mail.outbox] == [["olga@example.com"]]
    (notice,) = fake.sent()
    assert notice["chat_id"] == "777" and notice["text"].startswith("Ваша запись отменена: Haircut, мастер Anna")


def test_an_expired_or_forged_link_links_nothing(studio, fake):
    venue, page, haircut, anna = studio
    appointment = book_at(venue, haircut, anna)
    old = linking.make_token(appointment.pk, now=NOW.timestamp() - 73 * 3600)
    forged = linking.make_token(appointment.pk)[:-2] + "xx"
    fake.message(f"/start {old}")
    fake.message(f"/start {forged}")
    first, second = run_bot(fake, 2)
    assert (
        first["text"]
        == second["text"]
        == ("This link has expired or is not valid. Open it again from your confirmation page.")
    )
    assert not TelegramLink.objects.get(chat_id=777).appointments.exists()


def test_cancel_through_the_bot_uses_the_cancellation_window(studio, fake):
    venue, _page, haircut, anna = studio
    appointment = book_at(venue, haircut, anna)
    chat = TelegramLink.objects.create(chat_id=777, language="en")
    chat.appointments.add(appointment)
    other = book_at(venue, haircut, anna, start=datetime(2030, 6, 4, 8, tzinfo=UTC), client_email="x@example.com")
    fake.tap(f"cx:{other.pk}")  # not this chat's appointment
    fake.tap(f"cx:{appointment.pk}")
    refused, cancelled = run_bot(fake, 2)
    assert refused["text"] == "This choice is no longer available. Please start again with /book."
    assert cancelled["text"] == "Cancelled: Haircut with Anna, June 3, 2030 at 10:00 (Studio Mitte)."
    appointment.refresh_from_db()
    other.refresh_from_db()
    assert appointment.status == states.CANCELLED and other.status == states.CONFIRMED


def test_reschedule_through_the_bot_moves_the_appointment_and_tells_the_customer(
    studio, fake, run_tasks, django_capture_on_commit_callbacks
):
    venue, page, haircut, anna = studio
    appointment = book_at(venue, haircut, anna, page=page)
    chat = TelegramLink.objects.create(chat_id=777, language="de")
    chat.appointments.add(appointment)
    run_tasks()
    mail.outbox.clear()
    fake.message("/mine", language="de")
    (mine,) = run_bot(fake, 1)
    assert buttons(mine) == ["Verschieben", "Stornieren"]
    fake.tap(data(mine, "Verschieben"))
    (days,) = run_bot(fake, 1)
    assert (
        days["text"]
        == "Auf welchen Tag möchten Sie Haircut bei Anna, 3. Juni 2030 um 10:00 (Studio Mitte) verschieben?"
    )
    assert buttons(days)[:3] == ["Sa 1 Jun", "Mo 3 Jun", "Di 4 Jun"]
    fake.tap(data(days, "Di 4 Jun"))
    (times,) = run_bot(fake, 1)
    fake.tap(data(times, "11:00"))
    (question,) = run_bot(fake, 1)
    assert question["text"].endswith("auf 4. Juni 2030 um 11:00 verschieben?")
    fake.tap(data(question, "Bestätigen"))
    with django_capture_on_commit_callbacks(execute=True):
        (moved,) = run_bot(fake, 1)
    assert moved["text"] == "Verschoben: Haircut bei Anna, 4. Juni 2030 um 11:00 (Studio Mitte)."
    appointment.refresh_from_db()
    assert appointment.start == datetime(2030, 6, 4, 9, tzinfo=UTC) and appointment.status == states.CONFIRMED
    fake.calls.clear()
    run_tasks()
    assert [m.to for m in mail.outbox] == [["olga@example.com"]]
    (notice,) = fake.sent()
    assert notice["text"].startswith("Ihr Termin wurde verschoben: Haircut bei Anna, 4. Juni 2030 um 11:00")


def test_telegram_chats_are_in_the_gdpr_export_and_forgotten_with_the_account(studio, client, django_user_model):
    venue, _page, haircut, anna = studio
    appointment = book_at(venue, haircut, anna)
    mine = TelegramLink.objects.create(chat_id=777, client_name="Olga", client_email="olga@example.com")
    mine.appointments.add(appointment)
    other = TelegramLink.objects.create(chat_id=888, client_email="someone@example.com")
    user = django_user_model.objects.create_user(
        email="olga@example.com", password="pw-123456789", verified_email="olga@example.com"
    )
    client.force_login(user)
    export = client.get("/en/ops/privacy/export/").json()
    assert [(c["chat_id"], c["email"], len(c["appointments"])) for c in export["telegram"]] == [
        (777, "olga@example.com", 1)
    ]
    response = client.post("/en/ops/privacy/erase/", {"password": "pw-123456789", "confirm": "on"})
    assert response.status_code == 302
    assert list(TelegramLink.objects.all()) == [other]


def test_staff_link_their_chat_in_the_admin_and_get_their_day_and_news(
    studio, fake, client, admin_user, run_tasks, django_capture_on_commit_callbacks
):
    venue, page, haircut, anna = studio
    anna.user = admin_user
    anna.save()
    client.force_login(admin_user)
    response = client.get("/admin/telegram/")
    assert response.status_code == 200
    link = response.context["link"]
    assert link.startswith("https://t.me/studio_test_bot?start=s") and link in response.content.decode()

    fake.message(f"/start {link.partition('start=')[2]}", language="de")
    hello, day = run_bot(fake, 2)
    assert hello["text"].startswith("Hallo Anna!")
    assert day["text"] == "Keine Termine am 1. Juni 2030."
    assert TelegramLink.objects.get(chat_id=777).staff == anna

    fake.calls.clear()
    with django_capture_on_commit_callbacks(execute=True):  # a customer books today 15:00 on the website
        book_at(venue, haircut, anna, start=datetime(2030, 6, 1, 13, tzinfo=UTC), page=page)
    run_tasks()
    (news,) = fake.sent()
    assert news["text"] == "Neue Buchung: Olga, Haircut bei Anna, 1. Juni 2030 um 15:00 (Studio Mitte)."
    fake.message("/today", language="de")
    (today,) = run_bot(fake, 1)
    assert today["text"] == "Ihre Termine am 1. Juni 2030:\n15:00–16:00 Haircut · Olga"


@pytest.mark.parametrize("leaves", ["stays", "deactivated", "login removed"])
def test_a_staff_chat_goes_quiet_when_the_member_leaves(
    studio, fake, admin_user, run_tasks, django_capture_on_commit_callbacks, leaves
):
    """A linked chat stays in Telegram after the member leaves: it must not keep hearing clients' names."""
    venue, page, haircut, anna = studio
    anna.user = admin_user
    anna.save()
    token = linking.make_token(anna.pk, linking.STAFF)
    fake.message(f"/start {token}")
    run_bot(fake, 2)
    appointment = book_at(venue, haircut, anna, start=datetime(2030, 6, 1, 13, tzinfo=UTC), page=page)
    if leaves == "deactivated":
        anna.active = False
    elif leaves == "login removed":
        anna.user = None
    anna.save()
    fake.calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(appointment, by_customer=False)
    run_tasks()
    if leaves == "stays":
        assert [m["text"] for m in fake.sent()] == [
            "Cancelled: Olga, Haircut with Anna, June 1, 2030 at 15:00 (Studio Mitte)."
        ]
        return
    assert fake.sent() == []  # no "Cancelled: Olga, …"
    fake.message("/today")
    (today,) = run_bot(fake, 1)
    assert "Olga" not in today["text"] and "/today" not in today["text"]
    fake.message(f"/start {token}")  # the link from before cannot link the chat again
    (again,) = run_bot(fake, 1)
    assert again["text"].startswith("This link has expired or is not valid.")


def test_the_staff_page_is_only_for_staff(studio, client, django_user_model):
    user = django_user_model.objects.create_superuser(email="editor@example.com", password="pw-123456789")
    client.force_login(user)
    response = client.get("/admin/telegram/")  # Wagtail answers PermissionDenied with a redirect and a message
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_same_button_twice_answers_with_a_new_message(studio, fake):
    venue, _page, haircut, _anna = studio
    fake.tap(f"bk:{venue.pk}:{haircut.pk}")
    fake.tap(f"bk:{venue.pk}:{haircut.pk}")  # Telegram refuses an edit that changes nothing
    first, second = run_bot(fake, 2)
    assert (first["method"], second["method"]) == ("editMessageText", "sendMessage")
    assert first["text"] == second["text"] == "With whom?"


def test_the_command_needs_a_token(settings):
    settings.TELEGRAM_BOT_TOKEN = ""
    with pytest.raises(CommandError, match="TELEGRAM_BOT_TOKEN"):
        call_command("telegram_bot")


def test_a_staff_link_links_one_chat_and_one_chat_per_staff_member(studio, fake, admin_user):
    venue, page, haircut, anna = studio
    anna.user = admin_user
    anna.save()
    token = linking.make_token(anna.pk, linking.STAFF)
    fake.message(f"/start {token}", chat_id=777)
    hello, _day = run_bot(fake, 2)
    assert hello["text"].startswith("Hello Anna!")
    fake.message(f"/start {token}", chat_id=888)  # the same link forwarded to another chat
    (refused,) = run_bot(fake, 1)
    assert refused["text"] == "This link has already been used. Open the Telegram page in the admin for a new one."
    assert TelegramLink.objects.get(chat_id=888).staff is None
    fake.message(f"/start {token}", chat_id=777)  # the first chat again: nothing changes
    again, _day = run_bot(fake, 2)
    assert again["text"].startswith("Hello Anna!") and TelegramLink.objects.get(chat_id=777).staff == anna

    newer = linking.make_token(anna.pk, linking.STAFF, now=NOW.timestamp() - 60)
    fake.message(f"/start {newer}", chat_id=888)  # a new link moves the staff member to the new chat
    run_bot(fake, 2)
    assert list(TelegramLink.objects.filter(staff=anna).values_list("chat_id", flat=True)) == [888]
    fake.message(f"/start {token}", chat_id=777)  # the old link cannot take them back
    (refused,) = run_bot(fake, 1)
    assert refused["text"].startswith("This link has already been used.")
    assert TelegramLink.objects.get(chat_id=777).staff is None


def test_a_forwarded_customer_link_does_not_lend_its_name_and_email(studio, fake):
    venue, page, haircut, anna = studio
    appointment = book_at(venue, haircut, anna)
    fake.message(f"/start {linking.make_token(appointment.pk)}")
    run_bot(fake, 2)
    chat = TelegramLink.objects.get(chat_id=777)
    assert list(chat.appointments.all()) == [appointment]
    assert (chat.client_name, chat.client_email) == ("", "")
    fake.tap(f"ok:{venue.pk}:{haircut.pk}:{anna.pk}:20300603:{MONDAY_10}")
    (ask,) = run_bot(fake, 1)  # asked for its own name and email, as a new chat is
    assert ask["text"].startswith("Please send your name and email address")
    assert Appointment.objects.count() == 1


def test_the_staff_page_shows_the_linked_chat_and_unlinks_it(studio, fake, admin_user):
    from django.test import Client

    venue, page, haircut, anna = studio
    anna.user = admin_user
    anna.save()
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert "No Telegram chat is linked yet." in client.get("/admin/telegram/").content.decode()
    fake.message(f"/start {linking.make_token(anna.pk, linking.STAFF)}")
    run_bot(fake, 2)
    response = client.get("/admin/telegram/")
    assert "A Telegram chat is linked" in response.content.decode() and 'data-testid="telegram-unlink"' in (
        response.content.decode()
    )
    assert client.post("/admin/telegram/").status_code == 403  # no CSRF token: nothing happens
    assert TelegramLink.objects.get(chat_id=777).staff == anna
    token = (
        response.cookies["csrftoken"].value if "csrftoken" in response.cookies else client.cookies["csrftoken"].value
    )
    response = client.post("/admin/telegram/", {"csrfmiddlewaretoken": token}, follow=True)
    assert response.status_code == 200 and "The Telegram chat is unlinked." in response.content.decode()
    assert TelegramLink.objects.get(chat_id=777).staff is None
    assert "No Telegram chat is linked yet." in response.content.decode()
