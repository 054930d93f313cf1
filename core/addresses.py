"""Which mailbox an email address reaches, for limits on how often the site mails it.

Mail to "victim@ｅxample.com" or "victim@exa\u00admple.com" goes to victim@example.com
(Django's mailer sends the domain in its IDNA form), and "victim+1@" is delivered to
"victim@": none of these may count as a fresh address."""


def canonical_email(email):
    """The address as mail is really sent: the domain in lower-case ASCII (IDNA) form."""
    local, at, domain = (email or "").strip().rpartition("@")
    if not at:
        return email
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return email  # an EmailField has already refused what the mailer cannot encode
    return f"{local}@{domain.lower()}"


def mailbox_key(email):
    """One key per mailbox: canonical domain, letter case and a "+tag" ignored."""
    local, at, domain = canonical_email(email).rpartition("@")
    if not at:
        return (email or "").strip().lower()
    return f"{local.split('+', 1)[0] or local}@{domain}".lower()
