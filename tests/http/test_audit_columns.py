"""test_audit_columns.py: the audit page's columns beside the detail are
words too (cgi-bin/skr/ui-audit.c: audit_words): the action by its label
("Intranet sign-in", not "staff.signin"), the object by its kind ("Staff
member", not "staff:4"), the actor's account kind in words; the codes stay
only in the rows' data attributes, which tests read (the filters are lists
in words: test_audit_filters.py). Every action code the programs write has
a label in both languages."""
import glob
import os
import re

import pytest

from conftest import ROOT
from test_present import visible
from zsog import staff_client

WORDS = {
    "pl": ("Logowanie do intranetu", "Pracownik", "pracownik"),
    "en": ("Intranet sign-in", "Staff member", "staff member"),
}


def audit_rows(stack, lang, **params):
    c = staff_client(stack, "audytor")
    c.http.headers["Accept-Language"] = lang
    page = c.get("/skr/audit", params=params)
    assert page.status_code == 200
    return page, re.findall(r'<tr data-id="(\d+)" data-action="([^"]*)" data-object="([^"]*)">'
                            r'(.*?)</tr>', page.text, re.S)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_sign_in_reads_as_words(stack, lang):
    staff_client(stack, "audytor")  # a fresh sign-in: the newest staff.signin row
    row_id, obj = stack.sql("SELECT id, object FROM audit_log WHERE action = 'staff.signin'"
                            " ORDER BY id DESC LIMIT 1")[0]
    page, rows = audit_rows(stack, lang, action="staff.signin", object=obj)
    [cells] = [tr for i, a, o, tr in rows if i == row_id]
    tds = [visible(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]
    action, kind, kind_word = WORDS[lang]
    assert tds[1].endswith(kind_word)
    assert tds[2] == action
    assert tds[3] == kind


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_no_code_in_the_action_object_and_actor_cells(stack, lang):
    page, rows = audit_rows(stack, lang)
    assert rows
    for _, code, obj, tr in rows:
        tds = [visible(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        for cell in tds[1:4]:
            assert not re.search(r"\b[a-z_]+\.[a-z_]+\b", cell), (code, cell)
            assert not re.search(r"\b[a-z_]+:\d+\b", cell), (obj, cell)
            assert code not in cell


def action_codes():
    """The action codes written as literals in audit_log() calls (a %s in
    one stands for any word: its area's label answers)."""
    codes = set()
    for f in glob.glob(os.path.join(ROOT, "domain", "*.c")) + \
            glob.glob(os.path.join(ROOT, "cgi-bin", "*", "*.c")):
        src = open(f, encoding="utf-8").read()
        # audit_log() itself and the helpers that pass it an action
        # (trip_audit, res_audit: "name_audit(r, action, ...")
        for m in re.finditer(r"(?:audit_log|[a-z]+_audit)\(\s*[a-z>-]+\s*,\s*(?:arena_printf\([^,]+,\s*)?"
                             r"(?:[^,;]*?\?\s*)?\"([a-z_%.]+)\"(?:\s*:\s*\"([a-z_%.]+)\")?", src):
            codes.update(c for c in m.groups() if c)
    return codes


def labels(lang):
    text = open(os.path.join(ROOT, "templates", "lang", lang, "skr.hdf"), encoding="utf-8").read()
    audit = text[text.index("  audit {"):]
    blocks = {}
    for name in ("act", "area"):
        body = re.search(r"\n    %s \{\n(.*?)\n    \}" % name, audit, re.S).group(1)
        blocks[name] = set(re.findall(r"^\s+([a-z_]+) = \S", body, re.M))
    return blocks


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_action_written_has_words(lang):
    codes = action_codes()
    assert {"staff.signin", "fleet.trip.open", "cert.revoke"} <= {c.replace("%s", "staff") for c in codes}
    have = labels(lang)
    missing = []
    for code in sorted(codes):
        if "." not in code:
            continue
        if "%s" in code:
            head = code.split(".")[0]
            if head != "%s" and head not in have["area"]:
                missing.append(code)
            continue
        if code.replace(".", "_") not in have["act"]:
            missing.append(code)
    assert missing == []
