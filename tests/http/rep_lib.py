"""rep_lib.py: what the representation tests share (issue 18): small PDFs
(plain, with a script, not a PDF, too large), the power of attorney's
steps through the real pages, and the state of a representation."""
import re
import zlib

from ecustomer_lib import add_rep, app_id_of, today  # noqa: F401 (re-exported)

POA_MAX = 5 * 1024 * 1024


def pdf(extra=b"", pad=0):
    """A one-page PDF; extra goes into the catalogue, pad adds bytes to a
    comment (to reach a size)."""
    content = b"BT /F1 12 Tf 72 712 Td (Pelnomocnictwo) Tj ET"
    body = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
            b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + extra + b">>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Contents 4 0 R >>\nendobj\n"
            b"4 0 obj\n<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content +
            b"\nendstream\nendobj\n")
    tail = b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    if pad:
        body += b"%" + b"x" * max(0, pad - len(body) - len(tail) - 2) + b"\n"
    return body + tail


def pdf_with_hidden_script():
    """The script inside a compressed object stream, its name escaped."""
    objs = zlib.compress(b"7 0 << /S /J#61vaScript /JS (app.alert(1)) >>")
    return (b"%PDF-1.5\n1 0 obj\n<< /Type /Catalog /OpenAction 7 0 R >>\nendobj\n"
            b"5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode"
            b" /Length " + str(len(objs)).encode() + b" >>\nstream\n" + objs +
            b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def rep_row(stack, rid):
    """(state, rep_type, reason) of representation rid."""
    return tuple(stack.sql("SELECT state, rep_type, IFNULL(reason, '')"
                           " FROM representation WHERE id = ?", rid)[0])


def newest_rep(stack, company):
    return int(stack.scalar("SELECT MAX(id) FROM representation WHERE company_id = ?",
                            company))


def poa_app(stack, rid):
    """The representation_poa application of representation rid."""
    return int(stack.scalar("SELECT id FROM application WHERE kind = 'representation_poa'"
                            " AND payload = ?", "representation=%d" % rid))


def request_rep(client, eori, rep_type="employee", poa=None, valid_from=None,
                valid_to=""):
    page = client.get("/ecustomer/represent")
    assert page.status_code == 200, page.status_code
    data = {"eori": eori, "rep_type": rep_type, "valid_from": valid_from or today(),
            "valid_to": valid_to, "csrf": client.csrf}
    files = {"poa": (poa[0], poa[1], "application/pdf")} if poa else None
    return client.http.post(client.base + "/ecustomer/represent", data=data,
                            files=files, allow_redirects=False)


def pending_ids(page_html):
    return [int(x) for x in re.findall(r'<section class="card pending" id="pending-(\d+)"',
                                       page_html)]
