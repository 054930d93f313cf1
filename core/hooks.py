"""The project's own Wagtail hooks: how one app contributes to another without being imported by it.

core, ops and pages know nothing about the shop or booking. Where they need something from
those apps, they ask a hook (`wagtail.hooks.get_hooks(NAME)`), and the app that has it
registers an implementation in its `wagtail_hooks.py` (`@hooks.register(NAME)`), exactly as
Wagtail's admin home asks `construct_homepage_panels` for dashboard panels. Hooks named
`register_*` return an iterable of what they contribute (a list, even of one); hooks named
`construct_*` receive a list (or graph) and change it in place; `business_contact` answers a
question (the first answer wins).

Every hook, its signature, what it returns and who implements it:

REGISTER_BANNER_AREAS = "register_banner_areas"  (asked by core: Banner.target choices, banner tag)
    fn() -> iterable of core.banners.BannerArea(name, label, url_namespaces=())
    An area an editor can target with a banner ("Shop", "Booking"); its name is stored in
    Banner.target: new and at most 10 characters (`manage.py check`: core.E001). Page classes name their
    area in `banner_area`; views whose URL namespace is listed show that area's banners too.
    Implemented by shop (Oscar's views: basket, checkout, account…) and booking.

REGISTER_ROBOTS_TXT_RULES = "register_robots_txt_rules"  (asked by core: SiteSettings default)
    fn() -> iterable of robots.txt lines, e.g. "Disallow: /*/shop/basket/"
    Added to the default rules of a new site's settings (editors change them afterwards).
    Implemented by shop.

REGISTER_SECRET_URL_PATTERNS = "register_secret_url_patterns"  (asked by ops.secret_urls)
    fn() -> iterable of regular expressions (unanchored) whose groups are secret URL parts,
    masked in statistics, logs and Sentry. Implemented by shop and booking.

REGISTER_ADMIN_PERMISSIONS = "register_admin_permissions"  (asked by ops.twofactor)
    fn() -> iterable of permission names ("app_label.codename") that give admin access, so
    their holders need the second factor like staff. Implemented by shop (Oscar's dashboard).

REGISTER_PERSONAL_DATA = "register_personal_data"  (asked by ops.privacy: GDPR export/erase)
    fn() -> iterable of handlers, each with `name` (the key in the export), `export(user)` ->
    JSON-serialisable data and `erase(user)` (delete or anonymise). Implemented by ops (account, feedback,
    form submissions), shop (orders), booking (appointments) and bot (Telegram chats).

REGISTER_DEMO_LOADERS = "register_demo_loaders"  (asked by pages' `manage.py load_demo`)
    fn() -> iterable of pages.demo.DemoLoader(order, name, load), `load(ctx: DemoContext)`
    idempotent; lower `order` runs first. Implemented by pages, ops, shop, booking and api.

CONSTRUCT_JSONLD_GRAPH = "construct_jsonld_graph"  (asked by pages.jsonld.build_graph)
    fn(page, request, graph: pages.jsonld.GraphContext, nodes: list) -> None
    Appends schema.org nodes to `nodes` and may enrich `graph.business` (e.g. opening hours).
    Implemented by shop (Product + Offer) and booking (LocalBusiness hours, Service, ReserveAction).

BUSINESS_CONTACT = "business_contact"  (asked by core.business.business_contact)
    fn(language) -> core.business.BusinessContact | None; the first answer wins.
    Implemented by booking (the venue's address, phone and hours).

REGISTER_CONTENT_LISTING = "register_content_listing"  (asked by pages.blocks.ListingBlock)
    fn() -> iterable of (key, label, render(context) -> HTML): lists kept by another app that
    editors can place on a page. Implemented by booking (services with prices, the team).

REGISTER_APPOINTMENT_LINKS = "register_appointment_links"  (asked by booking's confirmation page and email)
    fn(appointment) -> iterable of (label, url): more ways for the customer to follow the
    appointment (e.g. "Get it in Telegram"). Implemented by bot (a signed t.me deep link).

ON_APPOINTMENT_NOTICE = "on_appointment_notice"  (asked by booking.notifications)
    fn(kind, appointment) -> None, kind one of "booked", "rescheduled", "cancelled", "reminder":
    called wherever booking queues that email to the customer, so other channels can tell them
    too (an `on_*` hook is told something and returns nothing). Implemented by bot (Telegram).

Wagtail's own hooks used by several apps: `construct_homepage_panels` (dashboard panels, shown to
users with ops.permissions.VIEW_STATISTICS), `register_admin_urls`, `register_admin_menu_item`,
`register_admin_viewset`, `register_account_menu_item`, `filter_form_submissions_for_user`.

Views declare what they need instead of being matched by URL, with decorators:
`ops.csp.admin_policy` and `ops.csp.csp_update_per_response` (Content-Security-Policy),
`ops.visitors.not_a_page_view` (visitor statistics), `ops.twofactor.second_factor_required`
(staff's second factor), `ops.security.password_reset_limited` (reset limits) and
`core.middleware.maintenance_exempt` (works during maintenance). The shop applies them to
Oscar's views (shop/urls.py) and its Stripe webhook.
"""

REGISTER_BANNER_AREAS = "register_banner_areas"
REGISTER_ROBOTS_TXT_RULES = "register_robots_txt_rules"
REGISTER_SECRET_URL_PATTERNS = "register_secret_url_patterns"
REGISTER_ADMIN_PERMISSIONS = "register_admin_permissions"
REGISTER_PERSONAL_DATA = "register_personal_data"
REGISTER_DEMO_LOADERS = "register_demo_loaders"
CONSTRUCT_JSONLD_GRAPH = "construct_jsonld_graph"
BUSINESS_CONTACT = "business_contact"
REGISTER_CONTENT_LISTING = "register_content_listing"
REGISTER_APPOINTMENT_LINKS = "register_appointment_links"
ON_APPOINTMENT_NOTICE = "on_appointment_notice"
