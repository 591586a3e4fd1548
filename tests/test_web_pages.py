"""The web console's pages through the ASGI test client: who sees what, what the pages say, bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fixtures_web import NOW, SECRET, WebWorld, web  # noqa: F401

from workflows.web_login import SessionSigner

PAGES = ["/team", "/me", "/rep/GR0001", "/briefings", "/gaps", "/documents", "/audit", "/audit.csv"]


@pytest.mark.parametrize("path", PAGES, ids=PAGES)
def test_without_a_session_every_page_asks_to_log_in_and_shows_no_data(web: WebWorld, path: str) -> None:  # noqa: F811
    response = web.client.get(path)
    assert response.status_code == 401
    assert "Please log in" in response.text
    assert "Generated" not in response.text and "<table" not in response.text and "<svg" not in response.text


@pytest.mark.parametrize("path", ["/team", "/rep/GR0002", "/briefings", "/gaps", "/documents", "/audit"])
def test_a_rep_gets_403_on_manager_pages(web: WebWorld, path: str) -> None:  # noqa: F811
    web.login("GR0001")
    response = web.client.get(path)
    assert response.status_code == 403
    assert "Generated Rep 2" not in response.text and "<table" not in response.text


def test_a_rep_sees_their_own_coaching_on_me(web: WebWorld) -> None:  # noqa: F811
    web.login("GR0002")
    response = web.client.get("/")
    assert response.status_code == 200 and str(response.url).endswith("/me")
    assert "Generated Rep 2 (GR0002)" in response.text
    assert "<svg" in response.text and "Sales Duty Manual" in response.text  # a chart and a cited manual
    assert "Suggested actions" in response.text


def test_link_logs_in_once_and_a_used_link_is_no_longer_valid(web: WebWorld) -> None:  # noqa: F811
    from workflows.web_login import issue_link

    link = issue_link(web.store, "GM001", "http://testserver", now=NOW).removeprefix("http://testserver")
    first = web.client.get(link, follow_redirects=False)
    assert first.status_code == 303
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    web.client.cookies.clear()
    again = web.client.get(link)
    assert again.status_code == 400 and "This link is no longer valid" in again.text
    assert web.client.get("/team").status_code == 401


def test_an_expired_link_logs_nobody_in(web: WebWorld) -> None:  # noqa: F811
    from workflows.web_login import issue_link

    link = issue_link(web.store, "GM001", "http://testserver", now=NOW - timedelta(minutes=16))
    response = web.client.get(link.removeprefix("http://testserver"))
    assert response.status_code == 400 and "no longer valid" in response.text
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize(
    "cookie",
    [
        "garbage",
        SessionSigner(b"another secret").sign("GD1", now=NOW),
        SessionSigner(SECRET).sign("GD1", now=NOW).replace("|", "X|", 1),
        SessionSigner(SECRET).sign("GD1", now=NOW - timedelta(hours=9)),
    ],
    ids=["garbage", "other-secret", "tampered", "expired"],
)
def test_bad_cookies_are_nobody(web: WebWorld, cookie: str) -> None:  # noqa: F811
    web.client.cookies.set("sc_session", cookie)
    response = web.client.get("/team")
    assert response.status_code == 401 and "Generated" not in response.text


def test_manager_team_page_lists_only_their_team_with_flags_and_priorities(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    response = web.client.get("/team")
    assert response.status_code == 200
    text = response.text
    assert "Team of Generated Manager 1" in text and "2026-Q4" in text
    assert 'href="/rep/GR0001?period=2026-Q4"' in text and "GR0008" in text
    assert "GR0009" not in text  # the other manager's team
    assert "Top coaching priorities" in text and "(high)" in text and 'class="num sev-high"' in text
    assert "<svg" in text and "<rect" in text


def test_director_team_is_recursive(web: WebWorld) -> None:  # noqa: F811
    web.login("GD1")
    text = web.client.get("/team").text
    assert "GR0001" in text and "GR0016" in text and "16 reps" in text


def test_team_columns_sort_by_query_parameter(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    ascending = web.client.get("/team?sort=csat&dir=asc").text
    descending = web.client.get("/team?sort=csat&dir=desc").text

    def order(html: str) -> list[str]:
        body = html.split('id="team-table"')[1]
        return [part.split("?")[0] for part in body.split('href="/rep/')[1:]]

    assert order(ascending) == list(reversed(order(descending)))
    assert order(ascending) != sorted(order(ascending))  # really sorted by the metric, not by id
    assert 'aria-sort="descending"' in descending


def test_period_selector_and_bad_periods(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    earlier = web.client.get("/team?period=2026-q2")
    assert earlier.status_code == 200 and "2026-Q2" in earlier.text.split("<h1>")[1].split("</h1>")[0]
    bad = web.client.get("/team?period=banana")
    assert bad.status_code == 400 and "banana" in bad.text and "Traceback" not in bad.text
    missing = web.client.get("/team?period=2019-Q1")
    assert missing.status_code == 404 and "available periods" in missing.text


def test_manager_opens_own_rep_but_not_another_team_or_unknown_ids(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    assert web.client.get("/rep/GR0003").status_code == 200
    other = web.client.get("/rep/GR0009")
    unknown = web.client.get("/rep/NOPE<script>")
    assert other.status_code == unknown.status_code == 404
    assert "Generated Rep 9" not in other.text
    assert "<script>" not in unknown.text and "NOPE&lt;script&gt;" in unknown.text


def test_briefings_show_counts_times_and_overdue(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    text = web.client.get("/briefings").text
    assert "Q4 price list" in text
    assert "Delivered 2/3" in text and "Acknowledged 1/3" in text and "2 overdue" in text
    assert "2026-11-26 10:30 UTC" in text
    web.client.cookies.clear()
    web.login("GM002")
    assert "Q4 price list" not in web.client.get("/briefings").text


def test_gaps_most_frequent_first_and_mark_handled(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    page = web.client.get("/gaps").text
    assert page.index("What is the rebate for hospitals?") < page.index("How do I book travel?")
    assert "Grounded and liked" not in page and "telegram" in page
    token = page.split('name="form_token" value="')[1].split('"')[0]
    forged = web.client.post("/gaps/handled", data={"question": "How do I book travel?", "form_token": "x"})
    assert forged.status_code == 403
    done = web.client.post("/gaps/handled", data={"question": "How do I book travel?", "form_token": token})
    assert done.status_code == 200
    assert "How do I book travel?" not in done.text
    assert "handled (GM001)" in web.client.get("/gaps?all=1").text


def test_documents_stale_first_and_audience_respected(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    text = web.client.get("/documents").text
    assert text.index("Old Price List") < text.index("Sales Duty Manual")
    assert "(stale)" in text and "Director Memo" not in text
    web.client.cookies.clear()
    web.login("GD1")
    assert "Director Memo" in web.client.get("/documents").text


def test_audit_filters_and_csv_of_what_is_shown(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    page = web.client.get("/audit").text
    assert "may I give 11% discount?" in page and "may I give 12% discount?" in page
    assert "may I give 13% discount?" not in page  # GR0009 is in the other team
    refused = web.client.get("/audit?allowed=no&from=2026-12-02&to=2026-12-02")
    assert "12% discount" in refused.text and "11% discount" not in refused.text
    csv = web.client.get("/audit.csv?allowed=no")
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("ts,rep_id") and len(lines) == 2 and "GR0002" in lines[1]
    bad = web.client.get("/audit?from=yesterday")
    assert bad.status_code == 400 and "yesterday" in bad.text


def test_chinese_by_accept_language_and_switch(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    zh = web.client.get("/team", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})
    assert "首要辅导重点" in zh.text and 'lang="zh-CN"' in zh.text
    switched = web.client.get("/team?lang=en", headers={"Accept-Language": "zh-CN"})
    assert "Top coaching priorities" in switched.text
    assert "Top coaching priorities" in web.client.get("/team", headers={"Accept-Language": "zh-CN"}).text


def test_logout_ends_the_session(web: WebWorld) -> None:  # noqa: F811
    web.login("GM001")
    page = web.client.get("/team").text
    token = page.split('name="form_token" value="')[1].split('"')[0]
    response = web.client.post("/logout", data={"form_token": token})
    assert "You are logged out" in response.text
    assert web.client.get("/team").status_code == 401


def test_team_page_follows_a_new_kpi_import(web: WebWorld) -> None:  # noqa: F811
    from coaching import synthetic

    web.login("GM001")
    assert "2026-Q4 ·" in web.client.get("/team").text
    reps = [synthetic.RepSpec(f"GR{n:04d}", f"Generated Rep {n}", "mid", "GM001") for n in range(1, 9)]
    synthetic.store_rows(web.store, synthetic.generate_for(reps, {r.rep_id: "ordinary" for r in reps}, ["2027-Q1"]))
    assert "2027-Q1 ·" in web.client.get("/team").text


def test_long_team_tables_are_paged_after_sorting(
    web: WebWorld, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    from web import app as console_module

    monkeypatch.setattr(console_module, "TEAM_PAGE_SIZE", 5)
    web.login("GD1")
    first = web.client.get("/team?sort=rep&dir=desc").text
    assert "rows 1–5 of 16" in first and "GR0016" in first and "GR0011" not in first.split('id="team-table"')[1]
    last = web.client.get("/team?sort=rep&dir=desc&page=4").text
    assert "rows 16–16 of 16" in last and 'href="/rep/GR0001?' in last
    assert web.client.get("/team?page=banana").status_code == 200


def test_directors_reports_can_be_built_before_the_first_visit(web: WebWorld) -> None:  # noqa: F811
    from web.app import warm_reports

    console = web.client.app.state.console  # type: ignore[attr-defined]
    assert warm_reports(console) == 1  # GD1, the only rep at the top with reports
    assert ("team", "GD1", None) in console.reports._entries


def test_audit_words_each_decision_as_every_other_door(web: WebWorld) -> None:  # noqa: F811
    """The audit page shows amounts and decisions in the authority desk's one wording (the bot's and the
    chat's line), not raw numbers: "12%", not "12.0 percent"."""
    from authority.decisions import decision_line
    from core.messages import Decision

    web.login("GM001")
    refused = Decision(kind="discount", requested=12, unit="percent", limit=10, allowed=False)
    page = web.client.get("/audit?lang=en").text
    assert decision_line(refused, "en") in page and "12.0" not in page and "percent" not in page
    assert decision_line(refused, "zh") in web.client.get("/audit?lang=zh").text
