"""The console's ASGI app (Starlette): routes, permissions, and rendering; the data comes from web.records
and the Coach, exactly what the bot and CLI read.

Handlers are plain functions, so Starlette runs them in its thread pool: the store and coach are synchronous.
Every failure a user can cause (no session, someone else's rep, a bad period or date, a used link) is a page
saying so; anything else is logged with its traceback and shown as one line.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from authority.decisions import decision_line, format_amount
from coaching.coach import KEY_METRICS, Coach, NoDataError, RepReport, TeamReport
from coaching.findings import format_value
from coaching.periods import PeriodError, normalise_period, period_sort_key
from coaching.records import KpiRecord
from core.audience import reader_of
from core.messages import RepInfo
from core.roster import Rep, UnknownRepError, can_view, get_rep
from web import records, svg
from web.i18n import LANG_COOKIE, Language, choose_language, has_text, t
from web.reports import ReportCache
from workflows.services import Services
from workflows.web_login import SessionSigner, redeem, utcnow

log = logging.getLogger(__name__)

SESSION_COOKIE = "sc_session"
TEMPLATES = Path(__file__).resolve().parent / "templates"
SORT_KEYS = ("rep", *KEY_METRICS)
TEAM_PAGE_SIZE = 100
_UNSET: Any = object()


class PageError(Exception):
    """A page that cannot be shown to this user: `status`, a title key and the line that says why."""

    def __init__(self, status: int, title: str, detail: str = "") -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail


class Console:
    """The console's dependencies, built once by `create_app`: services, coach, signer and clock."""

    def __init__(self, services: Services, coach: Coach, signer: SessionSigner, clock: Callable[[], datetime]) -> None:
        self.services = services
        self.coach = coach
        self.reports = ReportCache(coach)
        self.signer = signer
        self.clock = clock
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True,
            lstrip_blocks=True,
        )

    @property
    def store(self) -> Any:
        return self.services.store

    # -- request helpers ------------------------------------------------------------------------------------
    def language(self, request: Request) -> Language:
        return choose_language(
            request.query_params.get("lang"), request.cookies.get(LANG_COOKIE), request.headers.get("accept-language")
        )

    def viewer(self, request: Request) -> RepInfo | None:
        """The logged-in rep: a valid cookie for someone still on the roster."""
        rep_id = self.signer.rep_of(request.cookies.get(SESSION_COOKIE), now=self.clock())
        if rep_id is None:
            return None
        with self.store.session() as session:
            return get_rep(session, rep_id)

    def require_viewer(self, request: Request) -> RepInfo:
        viewer = self.viewer(request)
        if viewer is None:
            raise PageError(401, "login_needed", "login_needed_body")
        return viewer

    def require_manager(self, request: Request) -> RepInfo:
        viewer = self.require_viewer(request)
        if not records.has_reports(self.store, viewer.rep_id):
            raise PageError(403, "forbidden", "forbidden_team")
        return viewer

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        language = self.language(request)
        viewer = context.pop("viewer", _UNSET)
        if viewer is _UNSET:
            viewer = self.viewer(request)
        cookie = request.cookies.get(SESSION_COOKIE) or ""
        html = self.env.get_template(template).render(
            _=lambda key, **values: t(key, language, **values),
            lang=language,
            other_lang="en" if language == "zh" else "zh",
            switch_href=_with_query(request, lang="en" if language == "zh" else "zh"),
            viewer=viewer,
            manager=viewer is not None and records.has_reports(self.store, viewer.rep_id),
            form_token=self.signer.form_token(cookie) if viewer is not None else "",
            path=request.url.path,
            **context,
        )
        response = HTMLResponse(html, status_code=status)
        chosen = request.query_params.get("lang")
        if chosen in ("en", "zh"):
            response.set_cookie(LANG_COOKIE, chosen, max_age=365 * 86400, httponly=True, samesite="lax")
        return response

    def error(self, request: Request, exc: PageError) -> HTMLResponse:
        language = self.language(request)
        detail = t(exc.detail, language) if has_text(exc.detail) else exc.detail
        return self.render(request, "message.html", exc.status, title=t(exc.title, language), detail=detail)

    async def form(self, request: Request) -> dict[str, str]:
        """A posted urlencoded form, its anti-forgery token checked (another site cannot post as the user)."""
        body = (await request.body()).decode("utf-8", errors="replace")
        fields = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
        cookie = request.cookies.get(SESSION_COOKIE) or ""
        if not cookie or fields.get("form_token") != self.signer.form_token(cookie):
            raise PageError(403, "forbidden", "this form has expired: reload the page and try again")
        return fields

    # -- reports --------------------------------------------------------------------------------------------
    def periods(self) -> list[str]:
        with self.store.session() as session:
            found = session.scalars(select(KpiRecord.period).distinct()).all()
        return sorted(found, key=period_sort_key, reverse=True)

    def label(self, kpi: str) -> str:
        rule = self.coach.rules.kpis.get(kpi)
        return rule.label.capitalize() if rule else kpi.replace("_", " ").capitalize()

    def value(self, kpi: str, value: float | None) -> str:
        return format_value(value, self.coach.unit(kpi))


def _with_query(request: Request, **changes: str) -> str:
    params = dict(request.query_params)
    params.update(changes)
    return f"{request.url.path}?{urlencode(params)}"


def _period(request: Request) -> str | None:
    """The asked period, normalised (2026-q3 -> 2026-Q3); a malformed one is a PeriodError page."""
    raw = request.query_params.get("period", "").strip()
    return normalise_period(raw) if raw else None


def _when(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


# ------------------------------------------------------------------------------------------------- pages
def _pages(console: Console) -> list[Route]:
    def home(request: Request) -> Response:
        viewer = console.require_viewer(request)
        return RedirectResponse("/team" if records.has_reports(console.store, viewer.rep_id) else "/me", 303)

    def login(request: Request) -> Response:
        rep_id = redeem(console.store, request.path_params["token"], now=console.clock())
        if rep_id is None:
            raise PageError(400, "link_invalid", "link_invalid_body")
        response = RedirectResponse("/", 303)
        response.set_cookie(
            SESSION_COOKIE,
            console.signer.sign(rep_id, now=console.clock()),
            max_age=int(console.signer.lifetime.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
        return response

    async def logout(request: Request) -> Response:
        await console.form(request)
        response = console.render(request, "message.html", title=t("logged_out", console.language(request)),
                                  detail="", viewer=None)  # fmt: skip
        response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax")
        return response

    def team(request: Request) -> Response:
        viewer = console.require_manager(request)
        report = console.reports.team(viewer.rep_id, _period(request))
        sort = request.query_params.get("sort", "rep")
        sort = sort if sort in SORT_KEYS else "rep"
        descending = request.query_params.get("dir") == "desc"
        members = list(report.members)
        if sort == "rep":
            members.sort(key=lambda m: m.rep_id, reverse=descending)
        else:
            present = [m for m in members if m.metrics.get(sort) is not None]
            missing = [m for m in members if m.metrics.get(sort) is None]
            present.sort(key=lambda m: m.metrics[sort] or 0.0, reverse=descending)
            members = present + missing  # no value sorts last either way
        # A director's table has a thousand rows: shown a hundred at a time (sorted over all of them).
        pages = max(1, -(-len(members) // TEAM_PAGE_SIZE))
        try:
            page = min(max(int(request.query_params.get("page", "1")), 1), pages)
        except ValueError:
            page = 1
        first = (page - 1) * TEAM_PAGE_SIZE
        return console.render(
            request,
            "team.html",
            viewer=viewer,
            report=report,
            members=members[first : first + TEAM_PAGE_SIZE],
            total=len(members),
            first=first,
            page=page,
            pages=pages,
            page_href=lambda number: _with_query(request, page=str(number)),
            sort=sort,
            descending=descending,
            columns=[(name, console.label(name)) for name in KEY_METRICS],
            sort_href=lambda key: _with_query(
                request, sort=key, dir="asc" if key == sort and descending else ("desc" if key == sort else "asc"),
                page="1",
            ),
            value=console.value,
            periods=console.periods(),
            chart=_team_chart(console, report, t("chart_team", console.language(request))),
        )

    def rep_page(request: Request) -> Response:
        viewer = console.require_viewer(request)
        target = request.path_params["rep_id"]
        if target == viewer.rep_id:
            return RedirectResponse(_with_query(request).replace(request.url.path, "/me", 1), 303)
        if not records.has_reports(console.store, viewer.rep_id):
            raise PageError(403, "forbidden", "forbidden_team")
        with console.store.session() as session:
            visible = can_view(session, viewer, target)
        if not visible:  # "not yours" and "does not exist" read the same: nothing leaks about other reps
            raise PageError(404, "not_found", t("not_visible", console.language(request), target=target[:64]))
        return _rep_report(request, viewer, target)

    def me(request: Request) -> Response:
        viewer = console.require_viewer(request)
        return _rep_report(request, viewer, viewer.rep_id)

    def _rep_report(request: Request, viewer: RepInfo, target: str) -> Response:
        report = console.reports.rep(target, _period(request))
        language = console.language(request)
        scope = report.benchmarks["reference"]
        group = report.benchmarks[scope]
        rows = []
        for name, value in report.metrics.items():
            head, _, stage = name.partition(".")
            quartiles = (group["metrics"].get(head) or {}).get(stage) if stage else group["metrics"].get(name)
            rows.append((name, head, value, quartiles or {}))
        return console.render(
            request,
            "rep.html",
            viewer=viewer,
            report=report,
            group=group,
            rows=rows,
            value=console.value,
            periods=console.periods(),
            chart=_rep_chart(console, report, group, t("chart_rep", language)),
        )

    def briefings(request: Request) -> Response:
        viewer = console.require_manager(request)
        found = records.briefings_sent(console.store, viewer, today=console.clock().date())
        return console.render(request, "briefings.html", viewer=viewer, briefings=found, when=_when)

    def gaps(request: Request) -> Response:
        viewer = console.require_manager(request)
        include = request.query_params.get("all") == "1"
        lines = records.gap_lines(console.store, include_handled=include)
        return console.render(request, "gaps.html", viewer=viewer, lines=lines, include=include, when=_when)

    async def gap_handled(request: Request) -> Response:
        viewer = console.require_manager(request)
        fields = await console.form(request)
        if not records.mark_handled(console.store, fields.get("question", ""), viewer.rep_id, now=console.clock()):
            raise PageError(404, "not_found", "no such open question")
        return RedirectResponse("/gaps", 303)

    def documents(request: Request) -> Response:
        viewer = console.require_manager(request)
        today = console.clock().date()
        found = records.documents(console.services.settings, reader_of(viewer), today=today)
        return console.render(request, "documents.html", viewer=viewer, documents=found, today=today)

    def _audit(request: Request) -> tuple[RepInfo, records.AuditFilter, list[Any]]:
        viewer = console.require_manager(request)
        chosen = _audit_filter(request, console.language(request))
        return viewer, chosen, records.audit_entries(console.store, viewer, chosen)

    def audit(request: Request) -> Response:
        viewer, chosen, entries = _audit(request)
        query = urlencode({k: v for k, v in request.query_params.items() if k != "lang"})
        language = console.language(request)
        return console.render(
            request, "audit.html", viewer=viewer, chosen=chosen, entries=entries, kinds=records.audit_kinds(),
            limit=records.AUDIT_LIMIT,
            csv_href=f"/audit.csv?{query}", when=_when,
            # Amounts and the decision in the authority desk's one wording, as the bot and the console show them.
            amount=lambda value, kind: format_amount(value, kind, language),
            decision=lambda d: decision_line(d, language),
        )  # fmt: skip

    def audit_csv(request: Request) -> Response:
        _viewer, _chosen, entries = _audit(request)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["ts", "rep_id", "door", "kind", "requested", "unit", "limit", "allowed", "approver_role",
                         "question"])  # fmt: skip
        for e in entries:
            d = e.decision
            writer.writerow([e.ts.isoformat(timespec="seconds"), e.rep_id or "", e.door or "", d.kind,
                             "" if d.requested is None else d.requested, d.unit, "" if d.limit is None else d.limit,
                             "" if d.allowed is None else ("yes" if d.allowed else "no"), d.approver_role or "",
                             _csv_safe(e.question)])  # fmt: skip
        return Response(
            out.getvalue().encode("utf-8-sig"),  # the BOM lets spreadsheet programs read Chinese as UTF-8
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="audit.csv"'},
        )

    return [
        Route("/", home),
        Route("/login/{token}", login),
        Route("/logout", logout, methods=["POST"]),
        Route("/team", team),
        Route("/rep/{rep_id}", rep_page),
        Route("/me", me),
        Route("/briefings", briefings),
        Route("/gaps", gaps),
        Route("/gaps/handled", gap_handled, methods=["POST"]),
        Route("/documents", documents),
        Route("/audit", audit),
        Route("/audit.csv", audit_csv),
    ]


def _csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def _audit_filter(request: Request, language: Language) -> records.AuditFilter:
    params = request.query_params

    def day(name: str) -> date | None:
        raw = params.get(name, "").strip()
        if not raw:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise PageError(400, "bad_request", t("bad_date", language, value=raw[:40])) from None

    allowed_raw = params.get("allowed", "").strip().lower()
    if allowed_raw not in ("", "yes", "no"):
        raise PageError(400, "bad_request", t("bad_allowed", language, value=allowed_raw[:40]))
    kind = params.get("kind", "").strip() or None
    if kind is not None and kind not in records.audit_kinds():
        raise PageError(400, "bad_request", f"unknown kind {kind[:40]!r}: one of {', '.join(records.audit_kinds())}")
    return records.AuditFilter(
        rep_id=params.get("rep", "").strip() or None,
        kind=kind,
        allowed=None if not allowed_raw else allowed_raw == "yes",
        since=day("from"),
        until=day("to"),
    )


def _team_chart(console: Console, report: TeamReport, title: str) -> str:
    rows = []
    for name in KEY_METRICS:
        counts = {"high": 0, "medium": 0, "low": 0}
        for member in report.members:
            severity = member.flags.get(name)
            if severity:
                counts[severity] += 1
        rows.append((console.label(name), counts))
    return svg.team_flags(rows, title)


def _rep_chart(console: Console, report: RepReport, group: dict[str, Any], title: str) -> str:
    flags = {f.kpi: f.severity for f in report.findings if not f.stage}
    rows = [
        (console.label(name), report.metrics.get(name), group["metrics"].get(name), flags.get(name))
        for name in KEY_METRICS
    ]
    return svg.rep_ranges(rows, title)


def create_app(
    services: Services,
    *,
    secret: bytes,
    coach: Coach | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> Starlette:
    """The console over `services` (the coach defaults to theirs, with knowledge-base citations)."""
    console = Console(services, coach or services.coach, SessionSigner(secret), clock)

    async def page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageError)
        return console.error(request, exc)

    async def known_error(request: Request, exc: Exception) -> Response:
        # Unknown rep, bad period, no KPI data: the coach's own one-line message, the CLI's words.
        return console.error(request, PageError(400 if isinstance(exc, PeriodError) else 404, "bad_request", str(exc)))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        title = "not_found" if exc.status_code == 404 else "bad_request"
        return console.error(request, PageError(exc.status_code, title, str(exc.detail)))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("web console: %s %s failed", request.method, request.url.path, exc_info=exc)
        html = "<!doctype html><title>Error</title><h1>Something went wrong</h1><p>The error is in the server log.</p>"
        return HTMLResponse(html, status_code=500)

    app = Starlette(
        routes=_pages(console),
        exception_handlers={
            PageError: page_error,
            UnknownRepError: known_error,
            NoDataError: known_error,
            PeriodError: known_error,
            HTTPException: http_error,
            Exception: server_error,
        },
    )
    app.state.console = console
    return app


def warm_reports(console: Console) -> int:
    """Build the latest team report of everyone at the top of the roster (directors), so the first visit
    to the biggest page does not wait for it; returns how many were built. Run in a background thread."""
    with console.store.session() as session:
        tops = session.scalars(
            select(Rep.rep_id).where(Rep.manager_id.is_(None), Rep.rep_id.in_(select(Rep.manager_id)))
        ).all()
    built = 0
    for rep_id in tops:
        try:
            console.reports.team(rep_id, None)
        except (NoDataError, UnknownRepError):  # no KPIs yet: nothing to keep
            continue
        built += 1
    return built
