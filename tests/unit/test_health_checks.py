from core.health import run_checks


def failing_check():
    raise ConnectionError("connection refused")


def passing_check():
    return None


def test_all_checks_pass():
    assert run_checks({"a": passing_check, "b": passing_check}) == (True, {"a": "ok", "b": "ok"})


def test_a_failing_check_is_named_with_its_reason_and_the_others_still_run():
    ok, results = run_checks({"database": passing_check, "cache": failing_check, "storage": passing_check})
    assert ok is False
    assert results["cache"] == "error: ConnectionError: connection refused"
    assert results["database"] == "ok" and results["storage"] == "ok"
