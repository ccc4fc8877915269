"""crawl_lib.py: the site as each demo person meets it. Signs in as every
demo role (and anonymous), in Polish and in English, follows every link
and GET form the pages themselves offer (same site, GET only, bounded) and
notes what a person must never meet: a 5xx, a refusal (403/404/…) behind a
link offered to them, a raw translation key or enum code in the visible
text, a page in the wrong look (intranet vs portal). test_crawl.py asserts
on the findings; the test_phone_*.py files open the pages found in Chromium
(phone_lib.py)."""
import collections
import concurrent.futures
import json
import os
import re
import time
import urllib.parse

import lxml.html

import ingest_lib
import puesc_lib
from zsog import DEMO_PASSWORD

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))

# Who signs in: (name, kind, login). Every demo login of README.md.
PEOPLE = [
    ("anonymous", "anon", None),
    ("admin", "staff", "admin"),
    ("rejestracja", "staff", "rejestracja"),
    ("rejestracja2", "staff", "rejestracja2"),
    ("rejestracja.poznan", "staff", "rejestracja.poznan"),
    ("rejestracja2.poznan", "staff", "rejestracja2.poznan"),
    ("grzechotki", "staff", "grzechotki"),
    ("koroszczyn", "staff", "koroszczyn"),
    ("analityk", "staff", "analityk"),
    ("flota", "staff", "flota"),
    ("audytor", "staff", "audytor"),
    ("admin.olsztyn", "staff", "admin.olsztyn"),
    ("flota.lublin", "staff", "flota.lublin"),
    ("kierowca", "staff", "kierowca"),
    ("anna", "portal", "anna.kowalska@demo.zsog.pl"),
    ("jan", "portal", "jan.wisniewski@demo.zsog.pl"),
    ("piotr", "portal", "piotr.zajac@demo.zsog.pl"),
    ("maria", "portal", "maria.lewandowska@demo.zsog.pl"),
    ("ewa", "portal", "ewa.zielinska@demo.zsog.pl"),
]
LANGS = ("pl", "en")

# Bounds: pages per person and language, and pages of one shape (the path
# with numbers and dates as N, plus the query's names): a calendar's "next
# day" or a list's filters would otherwise go on for ever.
MAX_PAGES = 320
MAX_PER_SHAPE = 4
MAX_REDIRECTS = 5

# Answers that are not pages: fetched and checked for their status, never
# parsed for links or words.
HTML_TYPES = ("text/html",)

# Pages whose links are not the site's own offer to the person: the
# development outbox lists every mail of every user (confirmation tokens
# included); the page itself is checked, its links are not followed.
NO_FOLLOW = ("/dev/outbox",)

# --- what a raw translation key or an enum code looks like ---------------
#
# A key is what lib/view.c returns when a string is missing (the key
# itself) or a template names a path: lowercase words joined by "_"
# ("ingest_value", "under_review"), or by dots ("skr.link.crossing",
# "staff.create"), or an HDF path ("L.ebt.title"). Words of both languages
# never have that form; what legitimately does is removed first (below).
KEY_RE = re.compile(
    r"(?<![\w@/.:#=-])"
    r"(?:L\.[A-Za-z][\w.]*"
    r"|[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z0-9_]+)*"
    r"|[a-z][a-z0-9]+(?:\.[a-z][a-z0-9_]+)+)"
    r"(?![\w@/-])")

# The small allowlist of legitimate tokens of that shape, removed before
# the search. Keep it small; every entry says why it is allowed.
ALLOWED_RES = [
    # e-mail addresses (demo accounts, the outbox, examples in hints)
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    # URLs and site paths shown as text (audit log, mails, API docs)
    re.compile(r"\b(?:https?|ftp|urn)://\S+|(?<![\w.])/[\w./%?=&;:+~-]+"),
    # file names a page offers or tells to use (anna.key, crl.pem, x.csv)
    re.compile(r"\b[\w.-]+\.(?:pem|key|csr|crt|cer|p12|xsd|wsdl|xml|csv|ics|svg|png|jpe?g|pdf|txt|json)\b"),
    # host names (the site's own in examples): a word then a top-level domain
    re.compile(r"\b(?:[\w-]+\.)+(?:pl|eu|com|org|net|gov)\b"),
]
# Single tokens of that shape that are data, not codes: the demo staff
# logins (admin.olsztyn), which the staff pages show as they are.
ALLOWED_TOKENS = {login for _, kind, login in PEOPLE if kind == "staff"}
# Text the templates mark as machine text to read or copy verbatim is not
# searched for the key shape: <code> (an MRN, a device code, a request id,
# an audit action a filter takes), <pre> (a command to run, an archived
# XML message, a mail), <kbd>, <samp>, and a <textarea>'s text (what the
# person wrote, shown back to be edited: a risk profile's rule names its
# fields, docs/risk-rules.md). The listed codes are searched there
# too (a status is never machine text), except those that are codes in one
# language only: an English mail on a Polish page says "approved".
MACHINE = ("code", "pre", "kbd", "samp", "textarea")

NEVER_FILE = os.path.join(HERE, "never_on_screen.txt")


def never_on_screen():
    """The codes of tests/http/never_on_screen.txt: {code: langs or None}.
    A line is a code, optionally followed by the languages ("[pl]") on
    whose pages alone it is a code (an English word is a code on a Polish
    page); "#" starts a comment."""
    codes = {}
    if not os.path.exists(NEVER_FILE):
        return codes
    with open(NEVER_FILE, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.match(r"(\S+)(?:\s+\[([a-z, ]+)\])?$", line)
            assert m, "never_on_screen.txt: bad line %r" % line
            langs = {x.strip() for x in m.group(2).split(",")} if m.group(2) else None
            codes[m.group(1)] = langs
    return codes


def raw_tokens(text, machine, lang, codes):
    """The raw keys in a page's visible words (text) and the listed codes
    in its words or machine text."""
    found = []
    for code, langs in codes.items():
        if langs and lang not in langs:
            continue
        where = text if langs else text + "\n" + machine
        if re.search(r"(?<![\w.:-])%s(?![\w-])" % re.escape(code), where):
            found.append(code)
    for rx in ALLOWED_RES:
        text = rx.sub(" ", text)
    for m in KEY_RE.finditer(text):
        t = m.group(0)
        if t not in ALLOWED_TOKENS and t not in found:
            found.append(t)
    return found


# --- the look of a page ----------------------------------------------------
#
# templates/layout.cs draws one of two headers: the intranet's brand links
# to /skr/, the portal's to /. These are the markers of each look (when the
# look becomes a route flag, issue 12, adapt this one function).
LOOKS = {"/skr/": "intranet", "/": "portal"}


def look_of(doc):
    brand = doc.xpath('//header//a[contains(concat(" ", @class, " "), " brand ")]/@href')
    if brand:
        return LOOKS.get(brand[0])
    # A report's print view has no header: the body's class names the look.
    body = " ".join(doc.xpath("//body/@class"))
    m = re.search(r"\blook-(intranet|portal)\b", body)
    return m.group(1) if m else None


def side(url):
    """Whose page a URL is: "staff" under /skr/, else "portal"."""
    return "staff" if url == "/skr" or url.startswith("/skr/") else "portal"


def expected_look(path):
    return "intranet" if side(path) == "staff" else "portal"


# --- visible text ------------------------------------------------------------

_INVISIBLE = ("script", "style", "template")
_TEXT_ATTRS = ("title", "alt", "placeholder", "aria-label")


def visible_text(doc):
    """What a person reads: the title, the body's text (hidden parts left
    out), the attributes a browser shows, the labels of buttons; as
    (words, machine text). A part marked as written in another language
    than the page (an English mail in the outbox of a Polish page) counts
    as machine text: its words are no codes of the page's language."""
    page_lang = (doc.xpath("string(/html/@lang)") or "").strip()
    words = [t.text_content() for t in doc.xpath("//head/title")]
    machine = []

    def walk(el, hidden, code):
        if not isinstance(el.tag, str):
            return
        hidden = hidden or el.tag in _INVISIBLE or el.get("hidden") is not None \
            or (el.tag == "input" and el.get("type") == "hidden")
        code = code or el.tag in MACHINE or \
            bool(el.get("lang") and page_lang and el.get("lang") != page_lang)
        out = machine if code else words
        if not hidden:
            if el.text:
                out.append(el.text)
            for a in _TEXT_ATTRS:
                if el.get(a):
                    out.append(el.get(a))
            if el.tag == "input" and el.get("type") in ("submit", "button", "reset") \
                    and el.get("value"):
                out.append(el.get("value"))
        for child in el:
            walk(child, hidden, code)
            # A child's tail is its parent's text.
            if not hidden and isinstance(child.tag, str) and child.tail:
                out.append(child.tail)

    for body in doc.xpath("//body"):
        walk(body, False, False)
    return "\n".join(words), "\n".join(machine)


# --- links -------------------------------------------------------------------

def _shape(url):
    u = urllib.parse.urlsplit(url)
    path = re.sub(r"\d{4}-\d{2}-\d{2}", "D", u.path)
    path = re.sub(r"\d+", "N", path)
    keys = sorted({k for k, _ in urllib.parse.parse_qsl(u.query, keep_blank_values=True)})
    return path + "?" + "&".join(keys)


def _site_url(base, page_url, href):
    """The site-relative URL (path?query) of href on page_url, or None when
    it leaves the site or is not a page to GET."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    full = urllib.parse.urljoin(base + page_url, href)
    u = urllib.parse.urlsplit(full)
    b = urllib.parse.urlsplit(base)
    if u.scheme not in ("http", "https") or u.netloc != b.netloc:
        return None
    q = urllib.parse.parse_qsl(u.query, keep_blank_values=True)
    # The language switch: every page offers it; the crawl keeps its own
    # language (the other language is a crawl of its own).
    if any(k == "lang" for k, _ in q):
        return None
    return u.path + ("?" + u.query if u.query else "")


def _form_url(base, page_url, form):
    """A GET form submitted as the page offers it (its default values)."""
    action = form.get("action") or page_url
    fields = []
    for el in form.iter("input", "select", "textarea"):
        name = el.get("name")
        if not name or el.get("disabled") is not None:
            continue
        if el.tag == "input":
            t = (el.get("type") or "text").lower()
            if t in ("submit", "button", "reset", "image", "file"):
                continue
            if t in ("checkbox", "radio") and el.get("checked") is None:
                continue
            fields.append((name, el.get("value") or ("on" if t == "checkbox" else "")))
        elif el.tag == "select":
            opts = el.xpath(".//option")
            sel = [o for o in opts if o.get("selected") is not None] or opts[:1]
            for o in sel:
                v = o.get("value")
                fields.append((name, v if v is not None else o.text_content().strip()))
        else:
            fields.append((name, el.text or ""))
    u = _site_url(base, page_url, action)
    if u is None:
        return None
    return u.split("?", 1)[0] + "?" + urllib.parse.urlencode(fields)


Finding = collections.namedtuple("Finding", "who lang kind status url source detail")


def sign_in(stack, kind, login, lang, like=None):
    """A client of person login in language lang: signed in through the
    real form, or sharing the session of client like (one sign-in per
    person: argon2id is slow on purpose)."""
    c = stack.client(lang)
    if like is not None:
        c.http.cookies.update(like.http.cookies)
    # The language as a person picks it: ?lang= sets the cookie for the site.
    r = c.get("/?lang=%s" % lang)
    assert r.status_code == 200, r.status_code
    if like is not None or kind == "anon":
        return c
    if kind == "staff":
        r = c.submit("/skr/signin", "/skr/signin", {"login": login, "password": DEMO_PASSWORD})
    else:
        r = c.submit("/portal/signin", "/portal/signin", {"email": login, "password": DEMO_PASSWORD})
    assert r.status_code == 303, (login, r.status_code, r.text[:300])
    return c


def start_pages(kind):
    if kind == "staff":
        return ["/skr/"]
    if kind == "portal":
        return ["/", "/ecustomer/", "/portal/account"]
    return ["/", "/skr/signin"]


class Crawl:
    """One person in one language: a breadth-first walk of what the pages
    offer them."""

    def __init__(self, stack, who, kind, login, lang, codes):
        self.stack, self.who, self.kind, self.login, self.lang = stack, who, kind, login, lang
        self.codes = codes
        # Style sheets, scripts, images: each checked once per crawl.
        self.resources = set()
        self.findings, self.pages = [], []
        self.client = None

    def note(self, kind, status, url, source, detail=""):
        self.findings.append(Finding(self.who, self.lang, kind, status, url, source, detail))

    def get(self, url):
        """GETs url, following redirects within the site: (status, final
        url, response)."""
        for _ in range(MAX_REDIRECTS):
            r = self.client.get(url, stream=True)
            if r.status_code in (301, 302, 303, 307, 308):
                nxt = _site_url(self.stack.base, url, r.headers.get("Location", ""))
                r.close()
                if nxt is None:
                    return r.status_code, url, None
                url = nxt
                continue
            return r.status_code, url, r
        return 310, url, None

    def check_resources(self, url, doc):
        srcs = doc.xpath("//img/@src | //script/@src | //link[@rel='stylesheet' or @rel='icon']/@href")
        # A browser asks for the icon of every page.
        srcs.append("/favicon.ico")
        for s in srcs:
            u = _site_url(self.stack.base, url, s)
            if u is None or u in self.resources:
                continue
            self.resources.add(u)
            r = self.client.http.get(self.stack.base + u, allow_redirects=False)
            if r.status_code >= 400:
                self.note("resource", r.status_code, u, url)

    def run(self, like=None):
        self.client = sign_in(self.stack, self.kind, self.login, self.lang, like)
        queue = collections.deque((u, "(start)", "") for u in start_pages(self.kind))
        seen = {u for u, _, _ in queue}
        parsed = set()
        shapes = collections.Counter()
        while queue and len(self.pages) < MAX_PAGES:
            url, source, via = queue.popleft()
            status, final, r = self.get(url)
            if status >= 500:
                self.note("5xx", status, url, source, via)
            elif status >= 400 and not (status == 422 and via.startswith("form")):
                # A GET form sent with its defaults may need more input
                # (422); nothing the UI offers may refuse or be missing.
                self.note("refused" if status in (401, 403) else "broken", status, url, source, via)
            if r is None:
                continue
            ctype = r.headers.get("Content-Type", "")
            if not ctype.startswith(HTML_TYPES):
                r.close()
                continue
            body = r.text
            path = final.split("?", 1)[0]
            if final in parsed:
                # Another link redirected here already (a sign-in page).
                continue
            parsed.add(final)
            seen.add(final)
            self.pages.append({"url": final, "status": status})
            # A link of the person's own side that asks them to sign in
            # again: the session was lost on the way.
            if self.kind != "anon" and side(url) == self.kind and final != url \
                    and path in ("/portal/signin", "/skr/signin"):
                self.note("signed-out", status, url, source, "sent to " + final)
            doc = lxml.html.document_fromstring(body)
            words, machine = visible_text(doc)
            for t in raw_tokens(words, machine, self.lang, self.codes):
                self.note("raw-code", status, final, source, t)
            look = look_of(doc)
            if look != expected_look(path):
                self.note("look", status, final, source,
                          "%s look, expected %s" % (look or "no", expected_look(path)))
            for href in doc.xpath("//a/@href"):
                if href.strip().lower().startswith("javascript:"):
                    # The CSP (script-src 'self') blocks it: a dead link.
                    self.note("js-link", status, final, source, href.strip())
            self.check_resources(final, doc)
            if any(path.startswith(p) for p in NO_FOLLOW):
                continue
            offers = [(_site_url(self.stack.base, final, a.get("href")),
                       "link " + " ".join(a.text_content().split())[:40])
                      for a in doc.xpath("//a[@href]")]
            offers += [(_form_url(self.stack.base, final, f), "form " + (f.get("id") or f.get("action") or ""))
                       for f in doc.xpath("//form")
                       if (f.get("method") or "get").lower() == "get"]
            for u, how in offers:
                if u is None or u in seen:
                    continue
                seen.add(u)
                sh = _shape(u)
                if shapes[sh] >= MAX_PER_SHAPE:
                    continue
                shapes[sh] += 1
                queue.append((u, final, how))
        return self


# Crawls done on each stack: {(stack.var, who): [crawl in pl, crawl in en]}.
# The phone files and test_crawl.py on one xdist worker share its stack: a
# person is crawled there once, by whichever file asks first.
_done = {}
_scene = set()


def set_scene(stack):
    """What a person trying the demo has besides the seed (README steps 7
    and 8): a lane's watch-list hit at Grzechotki (an alert, a register
    row) and an exchanged PUESC message, so that their pages are crawled
    too."""
    dev = "GRZ-ANPR-T1"
    r = ingest_lib.post(stack.base, dev, ingest_lib.doc(ingest_lib.event(
        dev, "GRZ", "T1", ingest_lib.plate("WX 1234B"))))
    assert r.status_code == 200, r.text[:300]
    r = puesc_lib.post(stack, "/puesc/eori", puesc_lib.envelope(
        puesc_lib.eori_body("PL526025027400000")))
    assert r.status_code == 200, r.text[:300]


def crawl_all(stack, people=None):
    """The crawls of people (names of PEOPLE; default all of them), each
    in both languages, the missing ones run in parallel threads; a person
    is crawled once per stack (test_crawl.py and the test_phone_*.py files
    share it). {"seconds": spent crawling now, "crawls": [Crawl]}. Writes
    the page lists of the stack's crawls so far to STACK/crawl/pages.json
    and build/crawl/pages.json."""
    names = people or [who for who, _, _ in PEOPLE]
    unknown = set(names) - {who for who, _, _ in PEOPLE}
    assert not unknown, "not demo people of crawl_lib.PEOPLE: %s" % sorted(unknown)
    if stack.var not in _scene:
        set_scene(stack)
        _scene.add(stack.var)
    codes = never_on_screen()
    todo = [(who, kind, login) for who, kind, login in PEOPLE
            if who in names and (stack.var, who) not in _done]
    t0 = time.monotonic()

    def person(who, kind, login):
        first = Crawl(stack, who, kind, login, LANGS[0], codes).run()
        second = Crawl(stack, who, kind, login, LANGS[1], codes).run(like=first.client)
        _done[(stack.var, who)] = [first, second]

    if todo:
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as ex:
            # list(): a crawl's exception is raised here
            list(ex.map(lambda p: person(*p), todo))
        write_pages(stack)
    return {"seconds": time.monotonic() - t0,
            "crawls": [c for who in names for c in _done[(stack.var, who)]]}


def write_pages(stack):
    """STACK/crawl/pages.json and BUILD/crawl/pages.json: the pages every
    person crawled on this stack so far found, for a person to read."""
    pages = [{"who": c.who, "kind": c.kind, "login": c.login, "lang": c.lang,
              "pages": [p["url"] for p in c.pages]}
             for who, _, _ in PEOPLE for c in _done.get((stack.var, who), [])]
    build = os.environ.get("ZSOG_BUILD", os.path.join(ROOT, "build"))
    for d in (os.path.join(stack.var, "crawl"), os.path.join(build, "crawl")):
        os.makedirs(d, exist_ok=True)
        # Written aside and renamed: two xdist workers may crawl at once
        # (each on its own stack), each writes a whole file and the last
        # one stays.
        tmp = os.path.join(d, "pages.json.%d" % os.getpid())
        with open(tmp, "w") as f:
            json.dump(pages, f, indent=1)
        os.replace(tmp, os.path.join(d, "pages.json"))


def table(findings):
    """Findings as a compact table, one line each, grouped by kind."""
    rows = sorted(set(findings), key=lambda f: (f.kind, f.url, f.who, f.lang))
    lines = ["%-10s %-12s %-2s %3s  %-48s  %s   <- %s" % (
        "kind", "who", "ln", "st", "url", "detail", "from")]
    for f in rows:
        lines.append("%-10s %-12s %-2s %3s  %-48s  %s   <- %s" % (
            f.kind, f.who, f.lang, f.status, f.url, f.detail, f.source))
    return "\n".join(lines)
