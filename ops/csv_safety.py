"""No CSV the site sends can run a spreadsheet formula (CSV injection).

One middleware covers every export, whoever writes it: our statistics, Wagtail's
form submissions and listings, Oscar's dashboard orders, vouchers and reports.
A cell starting with = + - @ (or a tab or carriage return) gets a leading
apostrophe, unless it is a plain number such as -12.50."""

import csv
import io
import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")


def safe_cell(value):
    value = "" if value is None else str(value)
    if value.startswith(TRIGGERS) and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def neutralise(text):
    """CSV text with every cell made safe (quoting and line ends kept as csv writes them)."""
    if not any(trigger in text for trigger in TRIGGERS):
        return text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    dialect = "excel"
    out = io.StringIO()
    writer = csv.writer(out, dialect=dialect)
    for row in csv.reader(io.StringIO(text[len(bom) :], newline=""), dialect=dialect):
        writer.writerow([safe_cell(cell) for cell in row])
    return bom + out.getvalue()


class CSVFormulaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "csv" not in response.get("Content-Type", ""):
            return response
        charset = response.charset or "utf-8"
        if response.streaming:
            # Wagtail streams one row (or the header) per chunk.
            chunks = response.streaming_content
            response.streaming_content = (
                neutralise(c.decode(charset) if isinstance(c, bytes) else c).encode(charset) for c in chunks
            )
        else:
            response.content = neutralise(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
