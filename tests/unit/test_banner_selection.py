from datetime import UTC, datetime, timedelta

from core.banners import BannerCandidate, next_change, select_banners

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def banner(id, key=None, language="en", priority=0, target="site", starts=None, ends=None, page_key=None, text="Hi"):
    return BannerCandidate(
        id=id,
        translation_key=key or f"k{id}",
        language=language,
        priority=priority,
        target=target,
        message_html=f"<p>{text}</p>",
        starts_at=starts,
        ends_at=ends,
        target_page_key=page_key,
    )


def pick(candidates, **kwargs):
    options = {"now": NOW, "language": "de", "default_language": "en", "limit": 5} | kwargs
    return [b.id for b in select_banners(candidates, **options)]


def test_schedule_bounds_are_start_inclusive_and_end_exclusive():
    candidates = [
        banner(1, starts=NOW),
        banner(2, ends=NOW),
        banner(3, starts=NOW + timedelta(seconds=1)),
        banner(4, starts=NOW - timedelta(days=1), ends=NOW + timedelta(days=1)),
    ]
    assert sorted(pick(candidates)) == [1, 4]


def test_higher_priority_first_then_most_recent_start_and_the_limit_applies():
    candidates = [
        banner(1, priority=1, starts=NOW - timedelta(days=3)),
        banner(2, priority=5),
        banner(3, priority=1, starts=NOW - timedelta(days=1)),
    ]
    assert pick(candidates) == [2, 3, 1]
    assert pick(candidates, limit=2) == [2, 3]


def test_visitor_language_wins_and_default_language_fills_in():
    candidates = [
        banner(1, key="a", language="en", text="Hello"),
        banner(2, key="a", language="de", text="Hallo"),
        banner(3, key="b", language="en", text="Only English"),
        banner(4, key="c", language="ru", text="Только по-русски"),
    ]
    assert sorted(pick(candidates, language="de")) == [2, 3]
    assert sorted(pick(candidates, language="uk")) == [1, 3]


def test_targets_site_area_and_subtree():
    candidates = [
        banner(1, target="site"),
        banner(2, target="shop"),
        banner(3, target="booking"),
        banner(4, target="subtree", page_key="services"),
    ]
    assert sorted(pick(candidates, area="site")) == [1]
    assert sorted(pick(candidates, area="shop")) == [1, 2]
    assert sorted(pick(candidates, area="booking", ancestor_keys=["home", "services"])) == [1, 3, 4]


def test_dismiss_key_changes_when_the_text_changes():
    assert banner(1, text="A").dismiss_key != banner(1, text="B").dismiss_key
    assert banner(1, text="A").dismiss_key == banner(1, text="A").dismiss_key
    assert banner(1, text="A").dismiss_key.startswith("k1:")


def test_next_change_is_the_nearest_future_start_or_end():
    candidates = [banner(1, starts=NOW + timedelta(hours=5)), banner(2, ends=NOW + timedelta(hours=2)), banner(3)]
    assert next_change(candidates, NOW) == NOW + timedelta(hours=2)
    assert next_change([banner(3)], NOW) is None
