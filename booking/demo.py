"""Demo bookings: a venue with hours and a holiday, 3 staff, 5 services in four
languages, a booking page in four languages and some booked appointments."""

from datetime import date, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from pages.demo import DemoContext, DemoLoader, add_menu_link, home_page, translate_missing

from . import states
from .models import Appointment, BookingPage, Closure, OpeningHours, Service, Staff, VenueFaq, VenuePage
from .schedule import find_slots

VENUE = {
    "title": "Studio Aurora Mitte",
    "slug": "studio",
    "intro": "Our salon in the heart of Berlin: hair, colour and care by a friendly team.",
    # A local postal address (no country line): it reads the same in every language.
    "address": "Torstraße 101\n10119 Berlin",
    "phone": "+49 30 1234567",
    "latitude": "52.529400",
    "longitude": "13.401500",
}
VENUE_STRINGS = {
    "de": {
        "Studio Aurora Mitte": "Studio Aurora Mitte",
        VENUE["intro"]: "Unser Salon im Herzen Berlins: Haare, Farbe und Pflege von einem freundlichen Team.",
        "Can I cancel my appointment?": "Kann ich meinen Termin stornieren?",
        "Yes, with the link in your confirmation email, until 24 hours before it starts.": (
            "Ja, mit dem Link in Ihrer Bestätigungs-E-Mail, bis 24 Stunden vor Beginn."
        ),
    },
    "ru": {
        "Studio Aurora Mitte": "Студия «Аврора» Митте",
        VENUE["intro"]: "Наш салон в центре Берлина: стрижки, окрашивание и уход от дружной команды.",
        "Can I cancel my appointment?": "Можно ли отменить запись?",
        "Yes, with the link in your confirmation email, until 24 hours before it starts.": (
            "Да, по ссылке из письма с подтверждением, не позднее чем за 24 часа до начала."
        ),
    },
    "uk": {
        "Studio Aurora Mitte": "Студія «Аврора» Мітте",
        VENUE["intro"]: "Наш салон у центрі Берліна: стрижки, фарбування й догляд від привітної команди.",
        "Can I cancel my appointment?": "Чи можна скасувати запис?",
        "Yes, with the link in your confirmation email, until 24 hours before it starts.": (
            "Так, за посиланням із листа-підтвердження, не пізніше ніж за 24 години до початку."
        ),
    },
}

BOOKING_PAGE = {"title": "Book an appointment", "slug": "book", "intro": "Pick a service, a specialist and a time."}
BOOKING_STRINGS = {
    "de": {
        "Book an appointment": "Termin buchen",
        "book": "buchen",
        BOOKING_PAGE["intro"]: "Wählen Sie eine Leistung, eine Fachkraft und eine Uhrzeit.",
    },
    "ru": {
        "Book an appointment": "Запись на приём",
        "book": "zapis",
        BOOKING_PAGE["intro"]: "Выберите услугу, мастера и время.",
    },
    "uk": {
        "Book an appointment": "Запис на прийом",
        "book": "zapys",
        BOOKING_PAGE["intro"]: "Оберіть послугу, майстра й час.",
    },
}

# name, description, minutes, buffer after, price, translations {lang: (name, description)}
SERVICES = [
    (
        "Haircut",
        "Wash, cut and style.",
        45,
        15,
        "39.00",
        {
            "de": ("Haarschnitt", "Waschen, schneiden, stylen."),
            "ru": ("Стрижка", "Мытьё, стрижка и укладка."),
            "uk": ("Стрижка", "Миття, стрижка й укладання."),
        },
    ),
    (
        "Colouring",
        "Full colour with care treatment.",
        90,
        15,
        "89.00",
        {
            "de": ("Färben", "Komplette Färbung mit Pflege."),
            "ru": ("Окрашивание", "Полное окрашивание с уходом."),
            "uk": ("Фарбування", "Повне фарбування з доглядом."),
        },
    ),
    (
        "Beard trim",
        "Shape and trim with hot towel.",
        30,
        0,
        "19.00",
        {
            "de": ("Bart trimmen", "Formen und trimmen mit heißem Tuch."),
            "ru": ("Стрижка бороды", "Форма и стрижка с горячим полотенцем."),
            "uk": ("Стрижка бороди", "Форма й стрижка з гарячим рушником."),
        },
    ),
    (
        "Blow-dry",
        "Wash and blow-dry styling.",
        30,
        0,
        "25.00",
        {
            "de": ("Föhnen", "Waschen und Föhnfrisur."),
            "ru": ("Укладка феном", "Мытьё и укладка феном."),
            "uk": ("Укладка феном", "Миття й укладка феном."),
        },
    ),
    (
        "Hair care ritual",
        "Deep-care mask and scalp massage.",
        60,
        10,
        "49.00",
        {
            "de": ("Haarpflege-Ritual", "Intensivmaske und Kopfhautmassage."),
            "ru": ("Уходовый ритуал", "Глубокая маска и массаж кожи головы."),
            "uk": ("Доглядовий ритуал", "Глибока маска й масаж шкіри голови."),
        },
    ),
]

# name, bio, services (English names), translated bios {lang: bio}; a person's name is the same in every
# language (Staff.name is synchronised, not translated)
STAFF = [
    (
        "Anna Becker",
        "Colour specialist with twelve years of experience.",
        ["Haircut", "Colouring", "Hair care ritual", "Blow-dry"],
        {
            "de": "Farbspezialistin mit zwölf Jahren Erfahrung.",
            "ru": "Специалист по окрашиванию с двенадцатилетним опытом.",
            "uk": "Спеціалістка з фарбування з дванадцятирічним досвідом.",
        },
    ),
    (
        "Mehmet Yilmaz",
        "Classic and modern cuts, beards a speciality.",
        ["Haircut", "Beard trim", "Blow-dry"],
        {
            "de": "Klassische und moderne Schnitte, Bärte sind seine Spezialität.",
            "ru": "Классические и современные стрижки, особенно бороды.",
            "uk": "Класичні й сучасні стрижки, особливо бороди.",
        },
    ),
    (
        "Olena Kovalenko",
        "Care treatments and styling for every occasion.",
        ["Haircut", "Hair care ritual", "Blow-dry", "Colouring"],
        {
            "de": "Pflegebehandlungen und Styling für jeden Anlass.",
            "ru": "Уходовые процедуры и укладки для любого случая.",
            "uk": "Доглядові процедури й укладки для будь-якої нагоди.",
        },
    ),
]


def _hours():
    rows = []
    for weekday in range(5):
        rows.append((weekday, time(9), time(13)))
        rows.append((weekday, time(14), time(19)))
    rows.append((5, time(10), time(16)))
    return rows


def load_booking(ctx: DemoContext):
    home = home_page()
    default = Locale.get_default()
    venue = VenuePage.objects.filter(slug=VENUE["slug"], locale=default).first()
    if venue is None:
        today = timezone.localdate()
        holiday = today + timedelta(days=12)
        venue = VenuePage(
            title=VENUE["title"],
            slug=VENUE["slug"],
            intro=VENUE["intro"],
            address=VENUE["address"],
            phone=VENUE["phone"],
            latitude=VENUE["latitude"],
            longitude=VENUE["longitude"],
            time_zone="Europe/Berlin",
            locale=default,
        )
        for weekday, opens, closes in _hours():
            venue.opening_hours.add(OpeningHours(weekday=weekday, opens=opens, closes=closes))
        venue.closures.add(Closure(first_day=holiday, last_day=holiday, note="Team training day"))
        venue.closures.add(
            Closure(first_day=date(today.year, 12, 24), last_day=date(today.year, 12, 26), note="Christmas")
        )
        venue.faqs.add(
            VenueFaq(
                question="Can I cancel my appointment?",
                answer="Yes, with the link in your confirmation email, until 24 hours before it starts.",
                locale=default,
            )
        )
        home.add_child(instance=venue)
        venue.save_revision(user=ctx.admin).publish(user=ctx.admin)
        ctx.log("Created the venue")
    page = BookingPage.objects.child_of(venue).filter(locale=default).first()
    if page is None:
        page = BookingPage(**BOOKING_PAGE, locale=default)
        venue.add_child(instance=page)
        page.save_revision(user=ctx.admin).publish(user=ctx.admin)
        ctx.log("Created the booking page")
    labels = {"en": "Book online", "de": "Online buchen", "ru": "Записаться", "uk": "Записатися"}
    add_menu_link(ctx, "header", page, labels)

    services = {}
    for name, description, minutes, after, price, translations in SERVICES:
        service = Service.objects.filter(name=name, locale=default).first()
        if service is None:
            service = Service.objects.create(
                name=name,
                description=description,
                duration_minutes=minutes,
                buffer_after_minutes=after,
                price=price,
                min_notice_hours=2,
                horizon_days=60,
                cancellation_window_hours=24,
                locale=default,
            )
        services[name] = service
        strings = {lang: {name: t[0], description: t[1]} for lang, t in translations.items()}
        translate_missing(service, ctx, strings, f"service {name}")

    staff_members = []
    for name, bio, service_names, translations in STAFF:
        member = Staff.objects.filter(name=name, locale=default).first()
        if member is None:
            member = Staff.objects.create(name=name, bio=bio, venue=venue, locale=default)
            member.services.set([services[s] for s in service_names])
            member.save()
        staff_members.append(member)
        strings = {lang: {bio: text} for lang, text in translations.items()}
        translate_missing(member, ctx, strings, f"staff {name}")

    # Translations of the pages come after the snippets (the booking page links the venue).
    translate_missing(venue, ctx, VENUE_STRINGS, "the venue")
    translate_missing(page, ctx, BOOKING_STRINGS, "the booking page")

    if not Appointment.objects.filter(venue=venue).exists():
        _book_some(venue, services, staff_members, ctx)


def _book_some(venue, services, staff_members, ctx):
    """A realistic calendar: the first free slots over the next days taken by demo clients."""
    clients = [
        ("Lena Schmidt", "lena@example.com", "de"),
        ("Ivan Petrov", "ivan@example.com", "ru"),
        ("Oksana Bondar", "oksana@example.com", "uk"),
        ("Tom Miller", "tom@example.com", "en"),
    ]
    today = timezone.localdate()
    count = 0
    for offset in range(1, 6):
        day = today + timedelta(days=offset)
        for index, member in enumerate(staff_members):
            service = services["Haircut"] if index != 2 else services["Hair care ritual"]
            slots = find_slots(venue, service, day, day, staff=member)
            for slot in slots[1:4:2]:  # leave gaps, like a real day
                name, email, language = clients[count % len(clients)]
                rules = service.rules
                Appointment.objects.create(
                    venue=venue,
                    service=service,
                    staff=member,
                    start=slot.start,
                    end=slot.end,
                    blocked_start=slot.start - rules.buffer_before,
                    blocked_end=slot.end + rules.buffer_after,
                    time_zone=venue.time_zone,
                    status=states.CONFIRMED,
                    client_name=name,
                    client_email=email,
                    language=language,
                )
                count += 1
    ctx.log(f"Booked {count} demo appointments")


LOADERS = [DemoLoader(50, "booking", load_booking)]
