"""Roster CSV import: one line per problem naming line, column and value; a bad file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_authority import HEADER, SAMPLE_ROSTER, store, write

from core.roster import DEFAULT_ROLES, all_reps, get_rep, management_chain
from core.store import Store
from workflows.roster_import import RosterImportError, import_roster, parse_roster

__all__ = ["store"]

GOOD_ROWS = [
    "D1,Dana,director,,900,national,direct,2015-01-01",
    "M1,Max,manager,D1,901,east,direct,2018-02-03",
    "S1,Sam,senior,M1,,east,channel,",
    "J1,Jo,junior,M1,903,east,online,2024-05-06",
]


def roster(tmp_path: Path, *rows: str, header: str = HEADER, name: str = "roster.csv") -> Path:
    return write(tmp_path / name, "\n".join([header, *rows]) + "\n")


def test_sample_roster_imports(store: Store) -> None:
    summary = import_roster(store, SAMPLE_ROSTER)
    assert (summary.total, summary.added, summary.removed) == (13, 13, 0)
    assert summary.by_role == {"director": 1, "manager": 2, "senior": 2, "mid": 4, "junior": 4}
    assert "imported 13 reps" in summary.line()
    with store.session() as session:
        assert [r.rep_id for r in management_chain(session, "S003")] == ["M001", "D001"]
        s004 = get_rep(session, "S004")
        assert s004 is not None and s004.telegram_user_id is None


BAD_ROWS = [
    ("duplicate-rep-id", ["M1,Again,mid,D1,,,,"], 6, "rep_id: 'M1': duplicate (first on line 3)"),
    ("empty-rep-id", [",Nobody,mid,D1,,,,"], 6, "rep_id: '': required"),
    ("empty-name", ["X1,,mid,D1,,,,"], 6, "name: '': required"),
    ("unknown-role", ["X1,Xi,boss,D1,,,,"], 6, "role: 'boss': unknown role; expected one of junior, mid"),
    ("unknown-manager", ["X1,Xi,mid,NOPE,,,,"], 6, "manager_id: 'NOPE': not a rep_id in this file"),
    ("own-manager", ["X1,Xi,mid,X1,,,,"], 6, "manager_id: 'X1': a rep cannot be their own manager"),
    ("telegram-not-int", ["X1,Xi,mid,D1,12ab,,,"], 6, "telegram_user_id: '12ab': must be a positive whole"),
    (
        "telegram-duplicate",
        ["X1,Xi,mid,D1,901,,,"],
        6,
        "telegram_user_id: '901': duplicate (first on line 3)",
    ),
    (
        "bad-channel",
        ["X1,Xi,mid,D1,,,retail,"],
        6,
        "channel: 'retail': expected one of direct, channel, online",
    ),
    ("bad-date", ["X1,Xi,mid,D1,,,,2024-02-30"], 6, "hire_date: '2024-02-30': expected a date YYYY-MM-DD"),
    ("date-format", ["X1,Xi,mid,D1,,,,03/04/2024"], 6, "hire_date: '03/04/2024': expected a date YYYY-MM-DD"),
    ("field-count", ["X1,Xi,mid"], 6, "row: 3 fields: expected 8"),
]


@pytest.mark.parametrize(
    ("extra", "line", "message"), [(e, ln, m) for _i, e, ln, m in BAD_ROWS], ids=[i for i, *_ in BAD_ROWS]
)
def test_bad_rows_name_file_line_column_value(tmp_path: Path, extra: list[str], line: int, message: str) -> None:
    path = roster(tmp_path, *GOOD_ROWS, *extra)
    with pytest.raises(RosterImportError) as info:
        parse_roster(path, DEFAULT_ROLES)
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:{line}: {message}")


def test_every_problem_is_listed_in_file_order(tmp_path: Path) -> None:
    path = roster(tmp_path, "A,Ann,boss,Z,x,,fax,2020-13-01", "B,,junior,C,5,,direct,", "C,Cy,mid,B,5,,,")
    with pytest.raises(RosterImportError) as info:
        parse_roster(path, DEFAULT_ROLES)
    columns = [p.split(": ")[1] for p in info.value.problems]
    assert columns == [
        "role", "manager_id", "telegram_user_id", "channel", "hire_date",  # line 2
        "name", "manager_id",  # line 3: no name, and B -> C -> B
        "telegram_user_id",  # line 4: duplicate Telegram id
    ]  # fmt: skip
    lines = [int(p.split(":")[1]) for p in info.value.problems]
    assert lines == sorted(lines)
    assert any("management cycle B -> C -> B" in p for p in info.value.problems)


def test_manager_cycle_is_detected(tmp_path: Path) -> None:
    path = roster(tmp_path, "A,Ann,manager,C,,,,", "B,Ben,manager,A,,,,", "C,Cy,manager,B,,,,", "D,Di,mid,A,,,,")
    with pytest.raises(RosterImportError) as info:
        parse_roster(path, DEFAULT_ROLES)
    assert info.value.problems == [f"{path}:2: manager_id: 'C': management cycle A -> C -> B -> A"]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER.replace(",region", ""), "missing column(s) region"),
        (HEADER + ",email", "unexpected column(s) email"),
        (HEADER.replace("channel", "chanel"), "missing column(s) channel; unexpected column(s) chanel"),
        (HEADER + ",name", "duplicated column(s) name"),
    ],
    ids=["missing", "extra", "misspelt", "duplicated"],
)
def test_header_problems(tmp_path: Path, header: str, message: str) -> None:
    path = roster(tmp_path, header=header)
    with pytest.raises(RosterImportError) as info:
        parse_roster(path, DEFAULT_ROLES)
    (problem,) = info.value.problems
    assert problem.startswith(f"{path}:1: header: {message}")
    assert "expected exactly rep_id,name,role" in problem


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    with pytest.raises(RosterImportError, match=r"empty\.csv: empty file"):
        parse_roster(write(tmp_path / "empty.csv", "  \n"), DEFAULT_ROLES)
    with pytest.raises(RosterImportError, match=r"head\.csv: no reps"):
        parse_roster(write(tmp_path / "head.csv", HEADER + "\n"), DEFAULT_ROLES)


def test_utf8_bom_and_chinese_names(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_text("\n".join([HEADER, "D1,赵敏,director,,,,,"]) + "\n", encoding="utf-8-sig")
    (row,) = parse_roster(path, DEFAULT_ROLES)
    assert (row.rep_id, row.name) == ("D1", "赵敏")


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(("\n".join([HEADER, "D1,赵敏,director,,,,,"]) + "\n").encode("gbk"))
    with pytest.raises(RosterImportError, match=r"gbk\.csv: not UTF-8 text .*save it as 'CSV UTF-8'"):
        parse_roster(path, DEFAULT_ROLES)


def test_bad_import_changes_nothing(store: Store, tmp_path: Path) -> None:
    import_roster(store, SAMPLE_ROSTER)
    with store.session() as session:
        before = all_reps(session)
    bad = roster(tmp_path, *GOOD_ROWS, "X1,Xi,boss,D1,,,,")
    with pytest.raises(RosterImportError):
        import_roster(store, bad)
    with store.session() as session:
        assert all_reps(session) == before


def test_reimport_replaces_the_roster(store: Store, tmp_path: Path) -> None:
    import_roster(store, roster(tmp_path, *GOOD_ROWS))
    # J1 leaves, S1 is promoted and takes over J1's Telegram id, N1 joins.
    second = roster(
        tmp_path,
        GOOD_ROWS[0],
        GOOD_ROWS[1],
        "S1,Sam,manager,D1,903,east,channel,",
        "N1,Nia,junior,S1,,,,",
        name="second.csv",
    )
    summary = import_roster(store, second)
    assert (summary.added, summary.updated, summary.unchanged, summary.removed) == (1, 1, 2, 1)
    with store.session() as session:
        reps = {r.rep_id: r for r in all_reps(session)}
    assert set(reps) == {"D1", "M1", "S1", "N1"}
    assert reps["S1"].role == "manager" and reps["S1"].telegram_user_id == 903


def test_two_reps_may_swap_telegram_ids(store: Store, tmp_path: Path) -> None:
    import_roster(store, roster(tmp_path, *GOOD_ROWS))
    swapped = [GOOD_ROWS[0].replace(",900,", ",901,"), GOOD_ROWS[1].replace(",901,", ",900,"), *GOOD_ROWS[2:]]
    import_roster(store, roster(tmp_path, *swapped, name="swap.csv"))
    with store.session() as session:
        d1, m1 = get_rep(session, "D1"), get_rep(session, "M1")
    assert d1 is not None and m1 is not None
    assert (d1.telegram_user_id, m1.telegram_user_id) == (901, 900)


def test_role_and_channel_are_case_insensitive(tmp_path: Path) -> None:
    (row,) = parse_roster(roster(tmp_path, "D1,Dana,Director,,,,Direct,"), DEFAULT_ROLES)
    assert (row.role, row.channel) == ("director", "direct")
