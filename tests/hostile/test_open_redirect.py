"""RELIABILITY.md section 5, item 62: no open redirect from the token pages. Every redirect-style
parameter a link could carry (``next``, ``redirect``, ``return_to``, ...), in the query string and
in the form body, on GET and POST of the unsubscribe and preferences pages, with valid and forged
tokens: the answer is never a 3xx, has no Location or Refresh header, and does not echo the target
(an echoed link would be a redirect one click away). On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from service.entrypoints.web import create_app
from service.tokens import make_token, subscriber_links
from tests.test_web import BASE, SECRET, add_subscriber, make_app, status_of

PARAMS = ("next", "redirect", "redirect_uri", "return_to", "returnTo", "url", "continue", "dest", "goto")
TARGETS = (
    "//evil.example/x",
    "https://evil.example/",
    "/\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
)


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(make_app(engine), freshness=0)) as c:
        yield c


def assert_no_redirect(r, target: str) -> None:  # type: ignore[no-untyped-def]
    assert not 300 <= r.status_code < 400, (r.status_code, r.headers.get("location"))
    assert "location" not in r.headers and "refresh" not in r.headers
    assert "evil.example" not in r.text and "javascript:alert" not in r.text, target
    assert 'http-equiv="refresh"' not in r.text.lower()


def test_62_no_open_redirect_on_token_pages(engine: Engine, client: TestClient, now: datetime) -> None:
    sub = add_subscriber(engine, now)
    links = subscriber_links(BASE, SECRET, sub.id)
    pages = {
        "preferences": urlsplit(links["preferences_url"]).path,
        "unsubscribe": urlsplit(links["unsubscribe_url"]).path,
        "forged": f"/unsubscribe/{make_token('another-secret', 'unsubscribe', sub.id)}",
    }
    seen: set[int] = set()
    for target in TARGETS:
        query = "?" + urlencode({p: target for p in PARAMS})
        for name in ("preferences", "forged", "unsubscribe"):  # unsubscribing last: it changes state
            path = pages[name]
            get = client.get(path + query, follow_redirects=False)
            assert_no_redirect(get, target)
            form = {p: target for p in PARAMS}
            if name == "preferences":
                form |= {"scope": "all", "frequency": "weekly"}
            else:
                form |= {"List-Unsubscribe": "One-Click"}
            post = client.post(path + query, data=form, follow_redirects=False)
            assert_no_redirect(post, target)
            seen.add(post.status_code)
    # The pages did their work (a no-redirect answer that was an error page would prove little).
    assert seen == {200, 404}
    assert status_of(engine, sub) == "unsubscribed"
