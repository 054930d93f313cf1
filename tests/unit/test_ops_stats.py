from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ops import stats
from ops.visitors import clean_path, compile_exclusions, is_bot, referrer_domain, visitor_hash

CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


def test_bots_and_scripts_are_not_visitors():
    assert not is_bot(CHROME)
    for agent in ["Googlebot/2.1", "curl/8.5", "python-requests/2.32", "HeadlessChrome/126", "", "facebookexternalhit"]:
        assert is_bot(agent), agent


def test_excluded_paths():
    excluded = compile_exclusions()
    for path in ["/admin/", "/admin/pages/3/", "/django-admin/", "/static/css/site.css", "/media/x.jpg", "/health/",
                 "/documents/1/a.pdf", "/favicon.ico"]:  # fmt: skip
        assert excluded.match(path), path
    for path in ["/en/", "/de/shop/basket/", "/uk/about/", "/en/administration/"]:
        assert not excluded.match(path), path


def test_referrer_keeps_only_foreign_domains():
    assert referrer_domain("https://www.google.com/search?q=secret", "example.com") == "google.com"
    assert referrer_domain("https://example.com/en/", "example.com:443") == ""
    assert referrer_domain("", "example.com") == ""
    assert referrer_domain("not a url", "example.com") == ""


def test_visitor_hash_changes_with_the_salt_and_hides_the_address():
    a = visitor_hash("salt-1", "203.0.113.9", CHROME)
    assert a == visitor_hash("salt-1", "203.0.113.9", CHROME)
    assert a != visitor_hash("salt-2", "203.0.113.9", CHROME)
    assert "203" not in a and len(a) == 16


def test_clean_path_drops_query():
    assert clean_path("/en/?utm_source=x&email=a@b.c") == "/en/"


day_rows = st.lists(
    st.tuples(
        st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 3, 1)),
        st.integers(0, 1000),
        st.integers(0, 1000),
    )
)


@given(day_rows, st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 3, 1)), st.integers(0, 40))
def test_fill_days_covers_every_day_once_and_keeps_totals(rows, start, length):
    end = start + timedelta(days=length)
    series = stats.fill_days(rows, start, end)
    assert [s.day for s in series] == [start + timedelta(days=i) for i in range(length + 1)]
    inside = [r for r in rows if start <= r[0] <= end]
    assert stats.totals(series) == stats.Totals(sum(r[1] for r in inside), sum(r[2] for r in inside))


def test_windows_today_week_month():
    today = date(2026, 3, 31)
    series = stats.fill_days([(today - timedelta(days=i), 10, 2) for i in range(30)], today - timedelta(days=29), today)
    assert stats.totals(stats.last_days(series, today, 1)) == stats.Totals(10, 2)
    assert stats.totals(stats.last_days(series, today, 7)) == stats.Totals(70, 14)
    assert stats.totals(series) == stats.Totals(300, 60)


@given(st.lists(st.tuples(st.sampled_from(["/en/", "/de/", "/uk/a/", "/ru/"]), st.integers(0, 50), st.integers(0, 9))))
def test_top_pages_are_sorted_and_merged(rows):
    top = stats.top_pages(rows, limit=3)
    assert len(top) <= 3
    assert [t[1] for t in top] == sorted((t[1] for t in top), reverse=True)
    for path, views, _ in top:
        assert views == sum(r[1] for r in rows if r[0] == path)


def test_chart_bars_scale_to_the_peak():
    rows = [(date(2026, 1, 1), 50, 5), (date(2026, 1, 2), 100, 20)]
    series = stats.fill_days(rows, date(2026, 1, 1), date(2026, 1, 3))
    chart = stats.chart_bars(series, width=300, height=100)
    heights = [b["views_h"] for b in chart["bars"]]
    assert heights == [50.0, 100.0, 0.0]
    assert chart["bars"][1]["visitors_h"] == 20.0


def test_csv_export_neutralises_formulas():
    text = stats.csv_text(
        stats.fill_days([], date(2026, 1, 1), date(2026, 1, 2)), [("=cmd|calc", 3, 1)], [("@evil.example", 2)]
    )
    assert "date,views,visitors\r\n2026-01-01,0,0\r\n2026-01-02,0,0" in text
    assert "'=cmd|calc,3,1" in text and "'@evil.example,2" in text
