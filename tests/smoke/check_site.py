"""The production smoke test's checks, run by tests/smoke/run.sh against the deployed site.

Everything goes through nginx over HTTPS (the throwaway certificate is verified) with the
Host the site is configured for; nginx alternates between two gunicorn instances, so
consecutive requests of one visitor land on different processes. Not a pytest file: the
normal suite never collects it (it needs the whole deployment that run.sh builds).

    python tests/smoke/check_site.py web     the HTTP checks (writes the visited pages to $SMOKE_WORK)
    python tests/smoke/check_site.py stats   after the web processes stopped: every page view counted once
"""

import html
import json
import mailbox
import os
import re
import socket
import sys
import time
from collections import Counter
from email import policy
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project, for django.setup()

from config.env import load_env  # noqa: E402

load_env()  # BASE_URL, the settings, S3: from the environment file, as manage.py reads them

HOST = os.environ["SMOKE_HOST"]
BASE = os.environ["BASE_URL"].rstrip("/")  # https://studio.test:PORT
WORK = Path(os.environ["SMOKE_WORK"])
CERT = os.environ["SMOKE_CERT"]
LANGS = ("en", "de", "ru", "uk")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
SECURITY_HEADERS = {
    "strict-transport-security": "max-age=",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "content-security-policy": "default-src 'self'",
}
HASHED = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")

# The site's name resolves to this machine (as DNS would point it at the load balancer).
_getaddrinfo = socket.getaddrinfo


def _resolve(host, *args, **kwargs):
    return _getaddrinfo("127.0.0.1" if host == HOST else host, *args, **kwargs)


socket.getaddrinfo = _resolve

statuses = Counter()
html_views = Counter()  # 200 HTML GETs per path: what the visitor statistics must count
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL {message}", flush=True)
    return condition


def session():
    s = requests.Session()
    s.verify = CERT
    s.headers["User-Agent"] = BROWSER
    return s


def fetch(s, method, path, expect=None, **kwargs):
    url = path if path.startswith("http") else BASE + path
    kwargs.setdefault("allow_redirects", False)
    kwargs.setdefault("timeout", 60)
    kwargs.setdefault("verify", CERT)  # explicit: REQUESTS_CA_BUNDLE in the environment would win over s.verify
    if method == "POST":  # a browser sends Origin on a form POST (Django's CSRF check over HTTPS)
        kwargs.setdefault("headers", {}).setdefault("Origin", BASE)
        kwargs["headers"].setdefault("Referer", url)
    response = s.request(method, url, **kwargs)
    statuses[response.status_code] += 1
    check(response.status_code < 500, f"{method} {path} answered {response.status_code}")
    if method == "GET" and response.status_code == 200 and "text/html" in response.headers.get("Content-Type", ""):
        html_views[urlsplit(url).path] += 1
    if expect is not None:
        check(response.status_code == expect, f"{method} {path}: expected {expect}, got {response.status_code}")
    return response


class Forms(HTMLParser):
    """Every <form> with its inputs (hidden and visible, first <option> of a select)."""

    def __init__(self, text):
        super().__init__()
        self.forms, self._select = [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "id": a.get("id", ""), "fields": {}})
        elif not self.forms:
            return
        elif tag == "input" and a.get("name") and a.get("type") == "radio":
            if "checked" in a or a["name"] not in self.forms[-1]["fields"]:
                self.forms[-1]["fields"][a["name"]] = a.get("value") or ""
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "checkbox"):
            self.forms[-1]["fields"].setdefault(a["name"], a.get("value") or "")
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select:
            self.forms[-1]["fields"].setdefault(self._select, a.get("value") or "")
        elif tag == "textarea" and a.get("name"):
            self.forms[-1]["fields"].setdefault(a["name"], "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form(text, action_part="", field=None):
    """The first form whose action contains `action_part` (and that has `field`)."""
    for f in Forms(text).forms:
        if action_part in f["action"] and (field is None or field in f["fields"]):
            return f
    raise AssertionError(f"no form posting to …{action_part} with {field}")


def links(text, pattern):
    hrefs = [html.unescape(href) for href in re.findall(r'href="([^"]*)"', text)]
    return [href for href in hrefs if re.search(pattern, href)]


def step_of(text):
    match = re.search(r'data-step="(\w+)"', text)
    return match.group(1) if match else None


# --- the checks ----------------------------------------------------------------------------


def check_tls_and_redirects(s):
    plain = os.environ["SMOKE_HTTP_URL"]
    response = fetch(s, "GET", plain + "/en/", expect=301)
    check(response.headers.get("Location", "").startswith(f"https://{HOST}"), "http does not redirect to https")
    response = fetch(s, "GET", "/", expect=302)
    check(re.match(r"^/(en|de|ru|uk)/$", response.headers.get("Location", "")), "/ does not redirect to a language")
    # A Host the site does not serve is refused, not served or crashed on.
    response = fetch(requests.Session(), "GET", "/en/", headers={"Host": "evil.example"})
    check(response.status_code == 400, f"foreign Host answered {response.status_code}")
    health = fetch(s, "GET", "/health/", expect=200)
    check(health.headers.get("Content-Type", "").startswith("application/json"), "/health/ is not JSON")


def sitemap_paths(s):
    text = fetch(s, "GET", "/sitemap.xml", expect=200).text
    urls = set(re.findall(r"<loc>([^<]+)</loc>", text)) | set(re.findall(r'hreflang="[^"]+" href="([^"]+)"', text))
    paths = sorted({urlsplit(html.unescape(u)).path for u in urls})
    for lang in LANGS:
        check(any(p.startswith(f"/{lang}/") for p in paths), f"sitemap has no /{lang}/ page")
    return paths


def check_pages(s, paths):
    """Every sitemap URL in every language: 200, HTML, security headers, assets and images load."""
    assets, images, with_cookies = set(), set(), []
    for path in paths:
        response = fetch(s, "GET", path, expect=200)
        if response.status_code != 200:
            continue
        check("text/html" in response.headers.get("Content-Type", ""), f"{path} is not HTML")
        for header, value in SECURITY_HEADERS.items():
            check(value in response.headers.get(header, ""), f"{path}: header {header} missing or wrong")
        if "Set-Cookie" in response.headers:
            with_cookies.append(path)
        assets.update(re.findall(r'(?:src|href)="(/static/[^"?#]+)', response.text))
        images.update(html.unescape(u) for u in re.findall(r'<img[^>]+src="([^"]+)"', response.text))
    print(f"  {len(with_cookies)} of {len(paths)} pages set a cookie on an anonymous GET (not cacheable)", flush=True)
    return assets, images


def check_static(s, assets):
    check(len(assets) >= 3, f"only {len(assets)} static files referenced")
    for path in sorted(assets):
        response = fetch(s, "GET", path, expect=200)
        check(HASHED.search(path), f"{path} has no content hash in its name")
        check(response.headers.get("Cache-Control") == "max-age=31536000", f"{path}: not cached for a year")
        check(response.headers.get("X-Content-Type-Options") == "nosniff", f"{path}: no nosniff")
    css = next((p for p in sorted(assets) if p.endswith(".css")), None)
    if check(css, "no stylesheet referenced"):
        response = fetch(s, "GET", css, headers={"Accept-Encoding": "gzip"})
        check(response.headers.get("Content-Encoding") == "gzip", f"{css} not served pre-compressed")
    missing = fetch(s, "GET", "/static/no-such-file.css")
    check(missing.status_code == 404, "a missing static file is not a 404")


def check_media(s, images):
    """Uploads live in the S3 bucket: pages link to it with signed URLs. nginx's /media/
    locations (files on this machine) are checked with a file placed there."""
    endpoint = os.environ["AWS_S3_ENDPOINT_URL"]
    on_s3 = [u for u in images if u.startswith(endpoint)]
    check(len(on_s3) >= 3, f"only {len(on_s3)} images on S3 ({len(images)} images)")
    for url in sorted(on_s3)[:10]:
        response = requests.get(url, timeout=30)
        statuses[response.status_code] += 1
        check(response.status_code == 200, f"S3 image {url[:80]} answered {response.status_code}")
        check(response.headers.get("Content-Type", "").startswith("image/"), f"S3 object {url[:80]} is not an image")
        unsigned = requests.get(url.split("?")[0], timeout=30)
        check(unsigned.status_code == 403, f"the bucket is readable without a signature ({unsigned.status_code})")
    response = fetch(s, "GET", "/media/smoke/hello.txt", expect=200)
    check(response.text.strip() == "hello from the media folder", "nginx /media/ serves the wrong file")
    check("max-age=604800" in response.headers.get("Cache-Control", ""), "media not cached 7 days")
    fetch(s, "GET", "/media/documents/secret.pdf", expect=403)


def product_paths(paths):
    return [p for p in paths if p.startswith("/en/") and p.count("/") >= 4 and "/products/" in p]


def check_basket_and_checkout(s, paths):
    """Basket and guest checkout up to the payment step, one step per web process."""
    for path in product_paths(paths):
        page = fetch(s, "GET", path).text
        if "add_to_basket_form" not in page:
            continue
        f = form(page, "/shop/basket/add/")
        response = fetch(s, "POST", f["action"], data={**f["fields"], "quantity": "1"})
        if response.status_code == 302:
            break
    else:
        check(False, "no product could be added to the basket")
        return
    basket = fetch(s, "GET", "/en/shop/basket/", expect=200).text
    check('name="form-0-quantity"' in basket or "form-0-" in basket, "the basket is empty on the next request")
    checkout = fetch(s, "GET", "/en/shop/checkout/", expect=200).text
    f = form(checkout, field="username")
    response = fetch(
        s, "POST", "/en/shop/checkout/", data={**f["fields"], "username": "guest@example.com", "options": "anonymous"}
    )
    check(response.status_code == 302, f"guest checkout refused ({response.status_code})")
    # Shipping method first (pickup skips the address); standard delivery asks for the address.
    check(response.headers.get("Location", "").endswith("/checkout/shipping-method/"), "gateway skipped the method")
    page = fetch(s, "GET", "/en/shop/checkout/shipping-method/", expect=200).text
    f = form(page, field="method_code")
    response = fetch(
        s, "POST", "/en/shop/checkout/shipping-method/", data={**f["fields"], "method_code": "standard-delivery"}
    )
    check(response.headers.get("Location", "").endswith("/checkout/shipping-address/"), "shipping method refused")
    page = fetch(s, "GET", "/en/shop/checkout/shipping-address/", expect=200).text
    f = form(page, field="first_name")
    address = {
        "first_name": "Erika",
        "last_name": "Mustermann",
        "line1": "Kastanienallee 1",
        "line4": "Berlin",
        "postcode": "10435",
        "country": "DE",
        "phone_number": "",
    }
    response = fetch(s, "POST", "/en/shop/checkout/shipping-address/", data={**f["fields"], **address})
    check(response.status_code == 302, f"shipping address refused ({response.status_code})")
    check(response.headers.get("Location", "").endswith("/checkout/payment-method/"), "address did not lead to payment")
    payment = fetch(s, "GET", "/en/shop/checkout/payment-details/", allow_redirects=True)
    check(payment.status_code == 200 and "/payment-details/" in payment.url, "the payment step did not render")


def booking_path(paths):
    venue_children = [p for p in paths if p.startswith("/en/") and re.search(r"/book/?$", p)]
    return venue_children[0] if venue_children else None


def check_booking(s, paths, email):
    """A complete booking without JavaScript; returns the manage-link token."""
    path = booking_path(paths)
    if not check(path, "no English booking page in the sitemap"):
        return None
    text = fetch(s, "GET", path, expect=200).text
    chosen = {"service": r"[?&]service=", "staff": r"[?&]staff=", "time": r"[?&]start="}
    for _ in range(12):
        step = step_of(text)
        if step in chosen:
            candidates = [h for h in links(text, chosen[step]) if "change" not in h]
            if step == "time":
                candidates = re.findall(r'href="([^"]+)"[^>]*data-slot=', text)
        elif step == "date":
            candidates = re.findall(r'href="([^"]+)"[^>]*data-free-day=', text) or links(text, r".")[:0]
            if not candidates:
                candidates = [html.unescape(h) for h in re.findall(r'href="([^"]+)"[^>]*rel="next"', text)]
        elif step in ("details", "confirm"):
            break
        else:
            check(False, f"booking wizard shows an unknown step {step!r}")
            return None
        if not check(candidates, f"booking step {step}: nothing to choose"):
            return None
        text = fetch(s, "GET", urljoin(BASE + path, html.unescape(candidates[0])), expect=200).text
    f = form(text, field="action")
    contact = {"client_name": "Smoke Test", "client_email": email, "client_phone": "+49 30 1234567"}
    response = fetch(s, "POST", urljoin(BASE + path, f["action"]), data={**f["fields"], **contact})
    check(response.status_code == 302 and "step=confirm" in response.headers.get("Location", ""), "details refused")
    text = fetch(s, "GET", urljoin(BASE + path, response.headers["Location"]), expect=200).text
    check(email in text, "the confirm step does not show the email address")
    f = form(text, field="action")
    response = fetch(s, "POST", urljoin(BASE + path, f["action"]), data=f["fields"])
    location = response.headers.get("Location", "")
    if not check(
        response.status_code == 302 and "/done/" in location, f"booking not confirmed ({response.status_code})"
    ):
        return None
    done = fetch(s, "GET", urljoin(BASE + path, location), expect=200)
    check(email in done.text or "confirmed" in done.text.lower(), "the done page does not confirm")
    return location.rstrip("/").rsplit("/", 1)[-1]


def wait_for_mail(to, timeout=60):
    box = mailbox.Maildir(os.environ["SMOKE_MAILDIR"], factory=None, create=False)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for key in box.keys():
            message = BytesParser(policy=policy.default).parsebytes(box.get_bytes(key))
            if to in (message.get("To") or ""):
                return message
        time.sleep(0.5)
    return None


def check_confirmation_email(email, token):
    message = wait_for_mail(email)
    if not check(message is not None, f"no confirmation email for {email} reached the SMTP sink"):
        return
    body = message.get_body(preferencelist=("plain",)).get_content()
    check(token and token in body, "the confirmation email has no manage link")
    check(BASE in body, "the manage link in the email is not on the site's address")
    names = [part.get_filename() for part in message.iter_attachments()]
    check(any(n and n.endswith(".ics") for n in names), f"no .ics attachment ({names})")
    print(f"  email: {message['Subject']!r} to {message['To']}", flush=True)


def admin_login(s):
    page = fetch(s, "GET", "/admin/login/", expect=200).text
    f = form(page, field="password")
    # Production settings: load_demo gave the admin a random password and printed it.
    password = re.search(r"password: (\S+)", (WORK / "load_demo.log").read_text()).group(1)
    data = {**f["fields"], "username": "admin@example.com", "password": password}
    response = fetch(s, "POST", "/admin/login/", data=data)
    check(response.status_code == 302, f"admin login refused ({response.status_code})")
    # The next requests go to the other web process: the session is shared.
    for _ in range(4):
        check(fetch(s, "GET", "/admin/", expect=200).status_code == 200, "admin session lost between processes")


def check_failed_tasks_visible(s):
    """A task that always fails is retried with backoff by the RQ workers, then listed as failed."""
    import django

    django.setup()
    import django_rq
    from django.conf import settings
    from rq.exceptions import NoSuchJobError

    from core.emails import send_email_task

    enqueued = time.monotonic()
    result = send_email_task.enqueue("smoke/no_such_template", {}, ["nobody@example.com"], "en")
    while time.monotonic() - enqueued < 60:
        try:
            result = send_email_task.get_backend().get_result(result.id)
        except NoSuchJobError:  # django-tasks-rq reads "scheduled" while RQ's scheduler moves the job: ask again
            time.sleep(0.2)
            continue
        if result.status == "FAILED":
            break
        time.sleep(0.2)
    took = time.monotonic() - enqueued
    job = django_rq.get_queue("default").fetch_job(result.id)
    attempts = settings.TASK_RETRIES - job.retries_left + 1
    check(result.status == "FAILED", f"the failing task ended as {result.status}")
    check(attempts == settings.TASK_RETRIES + 1, f"the failing task ran {attempts} times")
    backoff = sum((settings.TASK_RETRY_INTERVALS * settings.TASK_RETRIES)[: settings.TASK_RETRIES])
    # RQ's scheduler keeps run times in whole seconds, so each retry may start up to a second early.
    check(took >= backoff - settings.TASK_RETRIES, f"the retries did not wait ({took:.1f} s, backoff {backoff} s)")
    page = fetch(s, "GET", "/django-admin/rq/queues/0/failed/", expect=200).text
    check(result.id in page, "the failed task is not listed on the failed-jobs page")
    detail = fetch(s, "GET", f"/django-admin/rq/queues/0/{result.id}/", expect=200).text
    check("TemplateDoesNotExist" in detail, "the failed task's page does not show its error")
    print(f"  failing task: {attempts} attempts over {took:.1f} s, listed as failed with its traceback", flush=True)


def check_rate_limits_and_lockouts():
    """The fifth wrong password locks the account (django-axes, in PostgreSQL); more than ten login
    POSTs a minute from one address are refused (rate limit in Redis), whichever process answers.
    A per-process count would let ~20 through: the two processes would each see half."""
    if time.time() % 60 > 40:  # the rate limit counts per clock minute: start early in one
        time.sleep(61 - time.time() % 60)
    s = session()
    page = fetch(s, "GET", "/en/shop/accounts/login/", expect=200).text
    f = form(page, field="login-username")
    login = {**f["fields"], "login-username": "victim@example.com", "login-password": "wrong", "login_submit": "1"}
    # A forged X-Forwarded-For must not give the attacker a fresh address (nginx appends the real one).
    forged = {"X-Forwarded-For": "203.0.113.9"}
    answers = [
        fetch(s, "POST", "/en/shop/accounts/login/", data=login, headers=dict(forged)).status_code for _ in range(6)
    ]
    check(answers == [200] * 4 + [429, 429], f"locked out at the fifth failure: {answers}")
    more = []
    while len(more) < 8 and 429 not in more:
        data = {**login, "login-username": f"someone{len(more)}@example.com"}
        more.append(fetch(s, "POST", "/en/shop/accounts/login/", data=data).status_code)
    # Ten login POSTs a minute: six above, the admin login if it fell in this minute, then these.
    check(more in ([200] * 4 + [429], [200] * 3 + [429]), f"rate limit after ten login POSTs: {answers + more}")


def page_view_counts():
    """Page views per path in the database now (load_demo records two weeks of demo views)."""
    import django

    django.setup()
    from django.db.models import Count

    from ops.models import PageView

    return dict(PageView.objects.values("path").annotate(n=Count("id")).values_list("path", "n"))


def web():
    s = session()
    started = time.monotonic()
    (WORK / "views-before.json").write_text(json.dumps(page_view_counts()))
    check_tls_and_redirects(s)
    paths = sitemap_paths(s)
    print(f"  sitemap: {len(paths)} pages", flush=True)
    assets, images = check_pages(s, paths)
    check_static(s, assets)
    check_media(s, images)
    check_basket_and_checkout(session(), paths)
    email = f"smoke-{int(time.time())}@example.com"
    token = check_booking(session(), paths, email)
    check_confirmation_email(email, token)
    admin = session()
    admin_login(admin)
    check_failed_tasks_visible(admin)
    check_rate_limits_and_lockouts()
    (WORK / "visited.json").write_text(json.dumps({p: html_views[p] for p in paths}))
    print(
        f"  {sum(statuses.values())} requests in {time.monotonic() - started:.0f} s: {dict(sorted(statuses.items()))}"
    )
    check(not any(code >= 500 for code in statuses), "some request answered 5xx")


def stats():
    """Every view of a sitemap page was counted once, whichever process served it (the
    processes buffer views and flush them on exit: run.sh stops them first)."""
    visited = json.loads((WORK / "visited.json").read_text())
    before = json.loads((WORK / "views-before.json").read_text())
    now = page_view_counts()
    counted = {p: now.get(p, 0) - before.get(p, 0) for p in visited}
    wrong = {p: (n, counted[p]) for p, n in visited.items() if counted[p] != n}
    check(not wrong, f"page views (made, counted) differ: {dict(list(wrong.items())[:5])}")
    print(f"  statistics: {sum(counted.values())} views of {len(visited)} pages counted", flush=True)


if __name__ == "__main__":
    {"web": web, "stats": stats}[sys.argv[1]]()
    if failures:
        print(f"\nSMOKE TEST FAILED: {len(failures)} problem(s)", flush=True)
        sys.exit(1)
    print("OK", flush=True)
