"""The aiohttp application: the page and three JSON endpoints, nothing else.

    GET  /                 the phone page (``?c=1234`` from the QR code joins by itself)
    POST /api/join         {"room": "1234"} → 200 and the device cookie; 403 wrong code
    GET  /api/state?v=N    the current question and this phone's ballot; waits up to 20 s
                           while N is still the current version (long polling)
    POST /api/vote         {"question": "q1", "choice": "B"} → 200; 409 already voted or closed

Every refusal is JSON ``{"error": code, "message": text}`` with a 4xx status: 400 malformed
body or query, 401 no or unknown device cookie, 403 wrong room code, 404 unknown question or
path, 405 wrong method, 409 already voted / question closed, 413 body over ``MAX_BODY``,
415 not ``application/json``, 421 a Host header that is not this server's address (a web page
elsewhere cannot reach it through DNS tricks), 429 too fast (with ``Retry-After``), 503 room
full. No access log is written: no address outlives its connection.
"""

from __future__ import annotations

import asyncio
import ipaddress
import secrets

from aiohttp import web

from . import book as vote_book
from .limits import RateLimiter
from .page import build_page
from .schema import BadRequest, parse_join, parse_vote

MAX_BODY = 512            # bytes; the largest honest body is under 100
COOKIE = "fzvote"
COOKIE_MAX_AGE = 4 * 3600  # a lesson, with margin; the token is worthless after the server stops
LONG_POLL_SECONDS = 20.0
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
HTTP_STATUS = {vote_book.UnknownDevice: 401, vote_book.UnknownQuestion: 404, vote_book.QuestionClosed: 409,
               vote_book.AlreadyVoted: 409, vote_book.InvalidChoice: 400, vote_book.RoomFull: 503}


def _error(status: int, code: str, message: str, headers: dict | None = None) -> web.Response:
    return web.json_response({"error": code, "message": message}, status=status, headers=headers)


class VoteApp:
    """Handlers and their state; lives on the server thread's event loop."""

    def __init__(self, book: vote_book.VoteBook, room_code: str, host: str, locale: str):
        self.book = book
        self.room_code = room_code
        self.host = host
        self.port: int | None = None          # known once the socket is bound
        self.page, self.csp = build_page(locale)
        self.stopped = False
        self.waiting = 0                      # long polls waiting for news now
        self._changed = asyncio.Event()
        self.join_limit = RateLimiter(burst=120, per_second=20)     # a whole class scanning at once
        self.wrong_code_limit = RateLimiter(burst=30, per_second=0.5)   # guessing 4 digits takes hours
        self.state_limit = RateLimiter(burst=10, per_second=2)      # per device
        self.vote_limit = RateLimiter(burst=5, per_second=1)        # per device

    def application(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_BODY)
        app.router.add_get("/", self.page_handler)
        app.router.add_post("/api/join", self.join)
        app.router.add_get("/api/state", self.state)
        app.router.add_post("/api/vote", self.vote)
        return app

    # ---- waking long polls (called on the loop thread) ------------------------------------

    def wake(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def stop(self) -> None:
        self.stopped = True
        self.wake()

    # ---- every request -----------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        if not self._host_ok(request.headers.get("Host", "")):
            response = _error(421, "wrong_host", "use the address shown on the projector")
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:       # aiohttp's own 404, 405, 413: as JSON like ours
                reason = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status, "refused")
                headers = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else None
                response = _error(exc.status, reason, exc.reason, headers)
        response.headers.update(SECURITY_HEADERS)
        response.headers.setdefault("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        return response

    def _host_ok(self, host_header: str) -> bool:
        """An IPv4 literal with our port; and our address, unless we listen on every interface."""
        name, _, port = host_header.rpartition(":")
        try:
            address = ipaddress.IPv4Address(name)
        except ValueError:
            return False
        if self.port is None or port != str(self.port):
            return False
        return self.host == "0.0.0.0" or str(address) == self.host

    @staticmethod
    def _json_body_ok(request: web.Request) -> web.Response | None:
        if request.content_type != "application/json":
            return _error(415, "not_json", "send application/json")
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _error(413, "too_large", f"at most {MAX_BODY} bytes")
        return None

    def _refusal(self, request: web.Request, limiter: RateLimiter, key: str) -> web.Response | None:
        """A POST's checks before its body is read. (A Response is an empty mapping, so falsy in
        older aiohttp: compare with None, never rely on truth.)"""
        refused = self._json_body_ok(request)
        return refused if refused is not None else self._limited(limiter, key)

    def _limited(self, limiter: RateLimiter, key: str) -> web.Response | None:
        wait = limiter.take(key)
        if wait:
            return _error(429, "too_fast", "slow down", {"Retry-After": limiter.retry_after(wait)})
        return None

    def _device(self, request: web.Request) -> str | None:
        token = request.cookies.get(COOKIE)
        return token if self.book.knows(token) else None

    # ---- handlers ------------------------------------------------------------------------------

    async def page_handler(self, request: web.Request) -> web.Response:
        return web.Response(body=self.page, content_type="text/html", charset="utf-8",
                            headers={"Content-Security-Policy": self.csp})

    async def join(self, request: web.Request) -> web.Response:
        refused = self._refusal(request, self.join_limit, "join")
        if refused is not None:
            return refused
        body = await request.read()
        try:
            room = parse_join(body)
        except BadRequest as exc:
            return _error(400, "bad_request", str(exc))
        # While too many wrong codes came in, every attempt waits: a right guess must not get through.
        blocked = self.wrong_code_limit.wait("wrong")
        if blocked:
            return _error(429, "too_many_wrong_codes", "too many wrong room codes; wait",
                          {"Retry-After": self.wrong_code_limit.retry_after(blocked)})
        if not secrets.compare_digest(room, self.room_code):
            self.wrong_code_limit.take("wrong")
            return _error(403, "wrong_room", "wrong room code")
        token = self._device(request)
        if token is None:
            try:
                token = self.book.new_device()
            except vote_book.RoomFull as exc:
                return _error(503, exc.code, str(exc))
        response = web.json_response({"ok": True})
        response.set_cookie(COOKIE, token, max_age=COOKIE_MAX_AGE, path="/", httponly=True, samesite="Strict")
        return response

    async def state(self, request: web.Request) -> web.Response:
        token = self._device(request)
        if token is None:
            return _error(401, "not_joined", "join with the room code first")
        refused = self._limited(self.state_limit, token)
        if refused is not None:
            return refused
        try:
            seen = int(request.query.get("v", "-1"))
        except ValueError:
            return _error(400, "bad_request", "'v' must be a whole number")
        if not -1 <= seen < 2 ** 31:
            return _error(400, "bad_request", "'v' is out of range")
        await self._wait_for_news(seen)
        try:
            view = self.book.view(token)
        except vote_book.UnknownDevice as exc:
            return _error(401, exc.code, str(exc))
        view["stopped"] = self.stopped
        return web.json_response(view)

    async def _wait_for_news(self, seen: int) -> None:
        """Until the version moves past ``seen``, a timed question runs out, the server stops,
        or LONG_POLL_SECONDS pass."""
        if self.stopped or self.book.version() != seen:
            return
        changed = self._changed
        timeout = LONG_POLL_SECONDS
        deadline = self.book.seconds_to_deadline()
        if deadline is not None:
            timeout = min(timeout, deadline + 0.05)
        self.waiting += 1
        try:
            await asyncio.wait_for(changed.wait(), timeout)
        except asyncio.TimeoutError:
            pass
        finally:
            self.waiting -= 1

    async def vote(self, request: web.Request) -> web.Response:
        token = self._device(request)
        if token is None:
            return _error(401, "not_joined", "join with the room code first")
        refused = self._refusal(request, self.vote_limit, token)
        if refused is not None:
            return refused
        body = await request.read()
        try:
            question_id, letter = parse_vote(body)
            self.book.vote(token, question_id, letter)
        except BadRequest as exc:
            return _error(400, "bad_request", str(exc))
        except vote_book.AlreadyVoted as exc:
            return web.json_response({"error": exc.code, "message": str(exc), "choice": exc.choice}, status=409)
        except vote_book.VoteError as exc:
            return _error(HTTP_STATUS.get(type(exc), 400), exc.code, str(exc))
        return web.json_response({"ok": True, "choice": letter})
