"""zsog.py: what the HTTP tests share: a browser-like client that carries
cookies and CSRF tokens, the outbox, and read-only looks into the database."""
import html
import os
import re
import time
import subprocess
import uuid

import requests
import requests.adapters

CSRF_RE = re.compile(r'name="csrf" value="([0-9a-f]{64})"')
DEMO_PASSWORD = "Demo-Haslo-2026"


def unique(prefix="t"):
    return "%s%s" % (prefix, uuid.uuid4().hex[:10])


def other_address():
    """A client address of its own: all of 127.0.0.0/8 is loopback on
    Linux, so a test can be several clients (for the per-address limits of
    nginx and the sign-in) without waiting behind the others."""
    b = uuid.uuid4().bytes
    return "127.%d.%d.%d" % (1 + b[0] % 254, b[1], 1 + b[2] % 254)


class _SourceAdapter(requests.adapters.HTTPAdapter):
    """Connects from a given local address."""

    def __init__(self, source):
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args, **kw):
        kw["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kw)


class Client:
    """A user agent: keeps cookies, remembers the last CSRF token seen.
    source: the client address it connects from (default 127.0.0.1)."""

    def __init__(self, base, lang="en", source=None):
        self.base = base
        self.source = source or "127.0.0.1"
        self.http = requests.Session()
        if source:
            self.http.mount("http://", _SourceAdapter(source))
        self.http.headers["Accept-Language"] = lang
        self.csrf = None
        self.last = None

    def _seen(self, r):
        m = CSRF_RE.search(r.text) if "html" in r.headers.get("Content-Type", "") else None
        if m:
            self.csrf = m.group(1)
        self.last = r
        return r

    def get(self, path, **kw):
        kw.setdefault("allow_redirects", False)
        return self._seen(self.http.get(self.base + path, **kw))

    def post(self, path, data=None, csrf=True, **kw):
        """Posts a form; the CSRF token of the last page seen goes with it
        unless csrf is False or data already names one."""
        if isinstance(data, (bytes, str)):
            # A raw body: sent as given (the bad-input tests build their own).
            kw.setdefault("allow_redirects", False)
            return self._seen(self.http.post(self.base + path, data=data, **kw))
        data = dict(data or {})
        if csrf and "csrf" not in data:
            if self.csrf is None:
                raise AssertionError("no CSRF token seen yet: GET the form first")
            data["csrf"] = self.csrf
        kw.setdefault("allow_redirects", False)
        return self._seen(self.http.post(self.base + path, data=data, **kw))

    def submit(self, form_path, action, data, **kw):
        """GET the form page (for its token), then POST to action."""
        page = self.get(form_path)
        assert page.status_code == 200, (form_path, page.status_code)
        return self.post(action, data, **kw)

    def follow(self, r):
        assert r.status_code in (301, 302, 303), (r.status_code, r.text[:300])
        return self.get(r.headers["Location"])


def portal_client(stack, email, password=DEMO_PASSWORD, lang="en"):
    """A portal user signed in through the real sign-in form."""
    c = stack.client(lang)
    r = c.submit("/portal/signin", "/portal/signin",
                 {"email": email, "password": password})
    assert r.status_code == 303, (email, r.status_code, r.text[:300])
    return c


def staff_client(stack, login, password=DEMO_PASSWORD):
    """An officer signed in to the intranet through the real sign-in form."""
    c = stack.client()
    r = c.submit("/skr/signin", "/skr/signin",
                 {"login": login, "password": password})
    assert r.status_code == 303, (login, r.status_code, r.text[:300])
    return c


def field_error(page_html, name):
    """The message shown beside field name, or None."""
    m = re.search(r'<p class="error" id="e-%s">(.*?)</p>' % re.escape(name), page_html, re.S)
    return html.unescape(m.group(1)) if m else None


def field_value(page_html, name):
    m = re.search(r'<input id="f-%s" name="%s" type="[a-z]+" value="(.*?)"' % (
        re.escape(name), re.escape(name)), page_html, re.S)
    if m:
        return html.unescape(m.group(1))
    m = re.search(r'<textarea id="f-%s"[^>]*>(.*?)</textarea>' % re.escape(name), page_html, re.S)
    return html.unescape(m.group(1)) if m else None


def _text(body_html):
    """A mail's body as text: the page makes this site's links <a> tags
    (every < of the text itself is escaped)."""
    return html.unescape(re.sub(r"<[^>]+>", "", body_html))


class Stack:
    def __init__(self, root, var, port):
        self.root, self.var, self.port = root, var, port
        self.base = "http://127.0.0.1:%d" % port

    def client(self, lang="en", source=None):
        return Client(self.base, lang, source)

    def sql(self, query, *params):
        """Runs one query as root: tests only look (the programs never run
        as root). Each ? takes a parameter as a quoted literal."""
        parts = query.split("?")
        assert len(parts) == len(params) + 1, "placeholder count"
        q = parts[0]
        for p, part in zip(params, parts[1:]):
            q += ("NULL" if p is None else self._literal(p)) + part
        out = subprocess.run(
            ["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % self.var,
             "-uroot", "zsog", "--batch", "--skip-column-names", "--raw", "-e", q],
            check=True, capture_output=True, text=True).stdout
        if not q.lstrip().upper().startswith("SELECT"):
            self.flush_caches()
        return [line.split("\t") for line in out.splitlines()]

    def flush_caches(self):
        """A change behind the programs' backs, as an operator makes one:
        their cached sessions, rights and calendars (lib/epoch.h) are
        dropped the way docs/operations.md tells the operator to."""
        build = os.environ.get("ZSOG_BUILD", os.path.join(self.root, "build"))
        subprocess.run([os.path.join(build, "zsog-admin"), "flush-caches",
                        "%s/etc/zsog.hdf" % self.var], check=True)

    @staticmethod
    def _literal(v):
        if isinstance(v, int):
            return str(v)
        return "'%s'" % str(v).replace("\\", "\\\\").replace("'", "\\'")

    def scalar(self, query, *params):
        rows = self.sql(query, *params)
        return rows[0][0] if rows else None

    def count(self, table, where="1", *params):
        return int(self.scalar("SELECT COUNT(*) FROM %s WHERE %s" % (table, where), *params))

    def counted(self, timeout=10.0):
        """Waits until the ingest tick (each second) has counted every lone
        event into the reports' rollups (report_pending empty,
        domain/report_pending.c); a test that reads a rollup or a report
        right after posting single events calls this first."""
        deadline = time.time() + timeout
        while self.count("report_pending") > 0:
            assert time.time() < deadline, "report_pending not drained"
            time.sleep(0.1)

    def outbox(self, to):
        """The newest message to `to` from the dev outbox page: (subject, body)."""
        r = requests.get(self.base + "/dev/outbox", params={"to": to})
        assert r.status_code == 200, r.status_code
        m = re.search(r'<article class="mail"[^>]*>\s*<header><strong>(.*?)</strong>.*?'
                      r'<pre class="body">(.*?)</pre>', r.text, re.S)
        assert m, "no message to %s in the outbox" % to
        return html.unescape(m.group(1)), _text(m.group(2))

    def mails(self, to):
        """Every message to `to` in the dev outbox, newest first:
        [(subject, body)]."""
        r = requests.get(self.base + "/dev/outbox", params={"to": to})
        assert r.status_code == 200, r.status_code
        return [(html.unescape(s), _text(b)) for s, b in re.findall(
            r'<article class="mail"[^>]*>\s*<header><strong>(.*?)</strong>.*?'
            r'<pre class="body">(.*?)</pre>', r.text, re.S)]

    def link_in_outbox(self, to, path_prefix):
        _, body = self.outbox(to)
        m = re.search(r'https?://[^/\s]+(%s[^\s]*)' % re.escape(path_prefix), body)
        assert m, "no %s link in the mail to %s: %r" % (path_prefix, to, body)
        return m.group(1)

    def log(self, name):
        with open("%s/log/%s.log" % (self.var, name), errors="replace") as f:
            return f.read()


def read_hdf(path, out):
    """The `name = value` and `name {` ... `}` subset the lang files use."""
    stack = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.endswith("{"):
                stack.append(line[:-1].strip())
            elif line == "}":
                stack.pop()
            elif "=" in line:
                k, v = line.split("=", 1)
                out[".".join(stack + [k.strip()])] = v.strip()
    return out
