"""test_ecustomer_inbox.py: the customer's inbox (issue 18): every status
mail and decision is filed in the right addressee's inbox (the person's, or
the company's when the application is about one), counted exactly, and the
header's unread count drops when an item is opened; a company's inbox is
read only with company_update (403 for the list, 404 for an item and its
downloads); filters answer 422 beside the field; keyset paging over many
items loses and repeats nothing; a signed PUESC exchange is in the
company's inbox with its receipt and both messages to download."""
import re
import uuid

import pytest

from ecustomer_lib import (ANNA, EWA, JAN, app_id_of, approved_company,
                           approved_person, decide, new_account,
                           portal_client, staff_client, submit_person, take)
from zsog import field_error

TRANSPOL = 1


@pytest.fixture(scope="module")
def officer(stack):
    return staff_client(stack, "rejestracja.poznan")


def items(page):
    """The listed items: [(id, unread)] in page order."""
    assert page.status_code == 200, page.status_code
    return [(int(m.group(1)), bool(m.group(2))) for m in re.finditer(
        r'<tr class="item[^"]*" data-id="(\d+)"( data-unread="1")?>', page.text)]


def header_count(page):
    """The menu's unread count (absent: none unread)."""
    assert page.status_code == 200, page.status_code
    assert 'href="/ecustomer/inbox"' in page.text
    m = re.search(r'id="menu-inbox-count"[^>]*>(\d+)<', page.text)
    return int(m.group(1)) if m else 0


def counts(stack, t, sid):
    rows = stack.sql("SELECT total, unread FROM inbox_count WHERE subject_type = ?"
                     " AND subject_id = ?", t, sid)
    return tuple(int(x) for x in rows[0]) if rows else (0, 0)


def account_of(stack, client):
    return int(stack.scalar("SELECT id FROM portal_account WHERE email = ?", client.email))


def test_inbox_needs_signin(stack):
    r = stack.client().get("/ecustomer/inbox")
    assert r.status_code == 303 and "/portal/signin" in r.headers["Location"]


def test_status_mails_filed_counted_and_read_on_open(stack, officer):
    c = new_account(stack)
    acc = account_of(stack, c)
    assert items(c.get("/ecustomer/inbox")) == []
    assert header_count(c.get("/ecustomer/")) == 0

    app = app_id_of(submit_person(c))                       # "submitted"
    assert take(officer, app).status_code == 303            # "under review"
    assert decide(officer, app, "reject", "Brak skanu dowodu").status_code == 303
    listed = items(c.get("/ecustomer/inbox"))
    assert len(listed) == 3 and all(u for _, u in listed)
    assert counts(stack, "A", acc) == (3, 3)
    # Exactly the outbox's mails to this person, one item each.
    assert stack.scalar("SELECT COUNT(*) FROM inbox_item WHERE subject_type = 'A'"
                        " AND subject_id = ? AND outbox_id IN (SELECT id FROM outbox"
                        " WHERE recipient = ?)", acc, c.email) == "3"
    assert header_count(c.get("/ecustomer/")) == 3
    assert header_count(c.get("/portal/account")) == 3     # every portal program

    newest = listed[0][0]
    page = c.get("/ecustomer/inbox/%d" % newest)
    assert page.status_code == 200
    assert '<dd id="item-kind">Office decision</dd>' in page.text
    assert "Brak skanu dowodu" in page.text                 # the reason, in the mail
    assert 'href="/ecustomer/applications/%d"' % app in page.text
    assert header_count(page) == 2
    assert counts(stack, "A", acc) == (3, 2)
    assert c.get("/ecustomer/inbox/%d" % newest).status_code == 200
    assert counts(stack, "A", acc) == (3, 2)                # read once, counted once
    assert items(c.get("/ecustomer/inbox?unread=1")) == listed[1:]
    assert [i for i, _ in items(c.get("/ecustomer/inbox?kind=decision"))] == [newest]
    # Nobody else sees them.
    anna = portal_client(stack, ANNA)
    assert not {i for i, _ in listed} & {i for i, _ in items(anna.get("/ecustomer/inbox"))}
    assert anna.get("/ecustomer/inbox/%d" % newest).status_code == 404


def test_titles_in_the_readers_language_whichever_program_sent_them(stack, officer):
    """A mail's title is kept with its subject's key ("@key|words sent"):
    the inbox shows it in the language the reader reads now, also for a
    mail another program sent (eBT's), and the words sent for a key no
    program knows."""
    c = new_account(stack)
    acc = account_of(stack, c)
    app = app_id_of(submit_person(c))                       # mailed in English
    assert stack.scalar("SELECT title FROM inbox_item WHERE subject_type = 'A'"
                        " AND subject_id = ? AND application_id = ?", acc, app) \
        == "@ecustomer.mail.subject|e-Customer: the status of your application"
    for title in ("@ebt.subject.cancelled|e-Booking TRUCK: booking cancelled",
                  "@no.such.key|Words as sent"):
        stack.sql("INSERT INTO inbox_item (subject_type, subject_id, kind, created_at,"
                  " unread, title) VALUES ('A', ?, 'notice', UTC_TIMESTAMP(), 0, ?)",
                  acc, title)

    def titles(lang):
        page = c.get("/ecustomer/inbox?lang=" + lang)
        assert page.status_code == 200
        return re.findall(r'<a href="/ecustomer/inbox/\d+">([^<]*)</a>', page.text)

    assert titles("pl") == ["Words as sent", "e-Booking TRUCK: rezerwacja anulowana",
                            "e-Klient: status Twojego wniosku"]
    assert titles("en") == ["Words as sent", "e-Booking TRUCK: booking cancelled",
                            "e-Customer: the status of your application"]


def test_company_application_goes_to_the_company_inbox(stack, officer):
    admin = approved_person(stack, officer)
    cid = approved_company(stack, officer, admin)
    before_own = counts(stack, "A", account_of(stack, admin))
    form = admin.get("/ecustomer/company/%d/edit" % cid)
    data = dict(re.findall(r'<input id="f-[a-z_]+" name="([a-z_]+)" type="[a-z]+" value="([^"]*)"',
                           form.text))
    data.update({"legal_form": "sp_zoo", "country": "PL", "voivodship": "warminsko_mazurskie",
                 "town": "Elbląg", "publish_eori_data": "1"})
    app = app_id_of(admin.post("/ecustomer/company/%d/edit" % cid, data))
    assert decide(officer, app, "reject", "Adres nie zgadza się z KRS").status_code == 303
    # Submitted and rejected: two items, both the company's, none the person's.
    assert counts(stack, "C", cid) == (2, 2)
    assert counts(stack, "A", account_of(stack, admin)) == before_own
    page = admin.get("/ecustomer/inbox?subject=%d" % cid)
    got = items(page)
    assert len(got) == 2
    assert "(2 unread of 2)" in page.text
    ids = [i for i, _ in got]
    assert stack.scalar("SELECT COUNT(*) FROM inbox_item WHERE id IN (%s) AND subject_type = 'C'"
                        " AND subject_id = ? AND application_id = ?"
                        % ",".join(map(str, ids)), cid, app) == "2"
    one = admin.get("/ecustomer/inbox/%d" % ids[0])
    assert "Adres nie zgadza się z KRS" in one.text
    assert counts(stack, "C", cid) == (2, 1)


def test_another_company_inbox_refused(stack):
    """Ewa acts for nobody; Jan acts for Trans-Pol through the agency, but
    without company_update: neither reads Trans-Pol's inbox."""
    item = int(stack.scalar("SELECT MIN(id) FROM inbox_item WHERE subject_type = 'C'"
                            " AND subject_id = ?", TRANSPOL))
    before = stack.sql("SELECT id, unread FROM inbox_item WHERE id = ?", item)
    for who in (EWA, JAN):
        c = portal_client(stack, who)
        r = c.get("/ecustomer/inbox?subject=%d" % TRANSPOL)
        assert r.status_code == 403, who
        assert "Trans-Pol" not in r.text
        for path in ("/ecustomer/inbox/%d", "/ecustomer/inbox/%d/request",
                     "/ecustomer/inbox/%d/response"):
            r = c.get(path % item)
            assert r.status_code == 404, (who, path)
        assert item not in [i for i, _ in items(c.get("/ecustomer/inbox"))]
        assert "Trans-Pol" not in c.get("/ecustomer/inbox").text
    assert stack.sql("SELECT id, unread FROM inbox_item WHERE id = ?", item) == before
    # Anna, its administrator, reads it.
    anna = portal_client(stack, ANNA)
    assert item in [i for i, _ in items(anna.get("/ecustomer/inbox?subject=%d" % TRANSPOL))]
    assert anna.get("/ecustomer/inbox?subject=999999").status_code == 403


@pytest.mark.parametrize("query,field,message", [
    ("subject=abc", "subject", "This value is not valid"),
    ("kind=spam", "kind", "This value is not valid"),
    ("from=2026-02-30", "from", "Enter a real date as YYYY-MM-DD"),
    ("to=jutro", "to", "Enter a real date as YYYY-MM-DD"),
    ("from=2026-03-02&to=2026-03-01", "to", "The end of the period cannot come before its start"),
    ("unread=yes", "unread", "This value is not valid"),
    ("after=20260101-x", "after", "This value is not valid"),
])
def test_bad_filters_422_beside_the_field(stack, query, field, message):
    anna = portal_client(stack, ANNA)
    before = stack.sql("SELECT COUNT(*), SUM(unread) FROM inbox_item")
    r = anna.get("/ecustomer/inbox?" + query)
    assert r.status_code == 422
    assert field_error(r.text, field) == message
    assert stack.sql("SELECT COUNT(*), SUM(unread) FROM inbox_item") == before


def test_keyset_paging_filters_and_exact_counts(stack):
    """130 items of one account over a year, ten of them in the same second
    across the first page's end: three pages, newest first, none lost or
    repeated; each filter lists exactly its items."""
    c = new_account(stack)
    acc = account_of(stack, c)
    kinds = ["notice", "application", "decision", "xml"]
    rows = []
    for n in range(130):
        at = "2026-01-01 00:00:00" if 45 <= n < 55 else \
            "2025-%02d-%02d 12:%02d:00" % (1 + n % 12, 1 + n % 28, n % 60)
        rows.append("('A', %d, '%s', '%s', %d, 'Pozycja %d')"
                    % (acc, kinds[n % 4], at, n % 3 != 0, n))
    stack.sql("INSERT INTO inbox_item (subject_type, subject_id, kind, created_at, unread, title)"
              " VALUES " + ",".join(rows))
    stack.sql("INSERT INTO inbox_count (subject_type, subject_id, total, unread)"
              " SELECT 'A', ?, COUNT(*), SUM(unread) FROM inbox_item WHERE subject_type = 'A'"
              " AND subject_id = ?", acc, acc)
    expect = [int(x[0]) for x in stack.sql(
        "SELECT id FROM inbox_item WHERE subject_type = 'A' AND subject_id = ?"
        " ORDER BY created_at DESC, id DESC", acc)]

    def walk(query):
        seen, path = [], "/ecustomer/inbox?" + query
        while path:
            page = c.get(path)
            seen += [i for i, _ in items(page)]
            m = re.search(r'id="inbox-older" href="([^"]+)"', page.text)
            path = m.group(1).replace("&amp;", "&") if m else None
        return seen

    pages = []
    page = c.get("/ecustomer/inbox?subject=me")
    pages.append(len(items(page)))
    assert pages == [50] and 'id="inbox-older"' in page.text
    assert walk("subject=me") == expect
    assert walk("") == expect
    assert walk("subject=me&kind=xml") == [int(x[0]) for x in stack.sql(
        "SELECT id FROM inbox_item WHERE subject_type = 'A' AND subject_id = ? AND kind = 'xml'"
        " ORDER BY created_at DESC, id DESC", acc)]
    unread = [int(x[0]) for x in stack.sql(
        "SELECT id FROM inbox_item WHERE subject_type = 'A' AND subject_id = ? AND unread = 1"
        " ORDER BY created_at DESC, id DESC", acc)]
    assert walk("unread=1") == unread and len(unread) == 86
    # A period in local days: March 2025 (Warsaw), both ends included.
    march = [int(x[0]) for x in stack.sql(
        "SELECT id FROM inbox_item WHERE subject_type = 'A' AND subject_id = ?"
        " AND created_at >= '2025-02-28 23:00:00' AND created_at < '2025-03-31 22:00:00'"
        " ORDER BY created_at DESC, id DESC", acc)]
    assert march and walk("from=2025-03-01&to=2025-03-31") == march
    page = c.get("/ecustomer/inbox")
    assert "(86 unread of 130)" in page.text
    assert header_count(page) == 86


def test_signed_exchange_in_the_company_inbox_with_receipt(stack, tmp_path):
    from puesc_lib import issue_cert, local_tomorrow, mrn, plate, signing, zeep_client
    row = stack.sql("SELECT p.id, p.first_name, p.last_name, p.id_sisc FROM person p"
                    " JOIN portal_account a ON a.id = p.account_id WHERE a.email = ?", ANNA)[0]
    p = {"id": int(row[0]), "first": row[1], "last": row[2], "sisc": row[3]}
    anna = portal_client(stack, ANNA)
    key, cert, _, _ = issue_cert(stack, anna, p, str(tmp_path))
    before = counts(stack, "C", TRANSPOL)
    _, svc, _ = zeep_client(stack, signing(key, cert))
    msg = "inbox-" + uuid.uuid4().hex
    res = svc.CreateBooking(messageId=msg, companyEori="PL526025027400000", crossingId=2,
                            day=local_tomorrow(), hour=11, plate=plate(), plateCountry="PL",
                            driverName="Jan Kierowca", driverDocument="ABC123456",
                            driverPhone="+48 601 222 333", mrn=[mrn()], goods="Meble",
                            massKg=12000, packages=33)
    assert counts(stack, "C", TRANSPOL) == (before[0] + 1, before[1] + 1)
    item = int(stack.scalar("SELECT i.id FROM inbox_item i WHERE i.subject_type = 'C'"
                            " AND i.subject_id = ? AND i.kind = 'xml' ORDER BY i.id DESC LIMIT 1",
                            TRANSPOL))
    assert stack.scalar("SELECT message_id FROM puesc_message WHERE id ="
                        " (SELECT message_id FROM inbox_item WHERE id = ?)", item) == msg
    page = anna.get("/ecustomer/inbox?subject=%d&kind=xml" % TRANSPOL)
    assert items(page)[0] == (item, True)
    assert "A booking made" in page.text
    one = anna.get("/ecustomer/inbox/%d" % item)
    assert '<dd id="item-receipt"><code>%s</code></dd>' % res.receipt.number in one.text
    req = anna.get("/ecustomer/inbox/%d/request" % item)
    assert req.status_code == 200 and req.headers["Content-Type"].startswith("application/xml")
    assert "attachment" in req.headers["Content-Disposition"]
    assert msg.encode() in req.content and b"CreateBooking" in req.content
    resp = anna.get("/ecustomer/inbox/%d/response" % item)
    assert resp.status_code == 200 and res.receipt.number.encode() in resp.content
    # Jan's systems may exchange XML for Trans-Pol, but its inbox is not his.
    jan = portal_client(stack, JAN)
    assert jan.get("/ecustomer/inbox/%d/response" % item).status_code == 404


def test_no_worker_shows_a_stale_count_or_page(stack):
    """The workers keep the counts and the inbox page (EPOCH_INBOX): warmed
    in every worker of two programs, then an item filed and one read
    through the programs; 24 concurrent requests each time, not one stale."""
    import concurrent.futures
    import requests

    c = new_account(stack)
    cookies = c.http.cookies.get_dict()

    def many(path):
        def one(_):
            return requests.get(stack.base + path, cookies=cookies,
                                headers={"Accept-Language": "en"},
                                allow_redirects=False, timeout=30)
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            return list(pool.map(one, range(24)))

    def state():
        return ({header_count(r) for r in many("/portal/account")}
                | {header_count(r) for r in many("/ecustomer/")},
                {tuple(items(r)) for r in many("/ecustomer/inbox")})

    assert state() == ({0}, {()})
    submit_person(c)
    item = int(stack.scalar("SELECT id FROM inbox_item WHERE subject_type = 'A' AND subject_id = ?",
                            account_of(stack, c)))
    assert state() == ({1}, {((item, True),)})
    assert c.get("/ecustomer/inbox/%d" % item).status_code == 200
    assert state() == ({0}, {((item, False),)})
