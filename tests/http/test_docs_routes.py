"""test_docs_routes.py: the documents' page tables and the programs' route
tables list the same routes, so neither can drift from the other. Needs no
stack: it reads cgi-bin/*/main.c and the Markdown.

A page table is a Markdown table whose first header cell is "route"; each
`METHOD /path` code span in its first column is one route (a `?query`
after the path only documents parameters). Every route of every
`routes[]` table must be in such a table, and every route such a table
names must be in a `routes[]` table."""
import glob
import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
METHODS = "GET|POST|PUT|PATCH|DELETE"
C_ROUTE = re.compile(r'\{\s*"(%s)",\s*"([^"]+)"' % METHODS)
DOC_ROUTE = re.compile(r"`(%s) (/[^`?\s]*)(?:\?[^`]*)?`" % METHODS)


def code_routes():
    """{(method, path): program} from every program's routes[] table."""
    found = {}
    for main in sorted(glob.glob(os.path.join(ROOT, "cgi-bin", "*", "main.c"))):
        prog = os.path.basename(os.path.dirname(main))
        with open(main) as f:
            src = f.read()
        table = re.search(r"struct route routes\[\] = \{(.*?)\n\};", src, re.S)
        assert table, "%s: no routes[] table" % main
        body = table.group(1)
        routes = C_ROUTE.findall(body)
        # Each entry opens with "{ "; one the pattern misses would go unseen.
        assert len(routes) == len(re.findall(r'\{\s*"', body)), main
        assert routes, main
        for r in routes:
            assert r not in found, "%s %s twice" % r
            found[r] = prog
    return found


def doc_files():
    return [os.path.join(ROOT, "README.md")] + sorted(
        glob.glob(os.path.join(ROOT, "docs", "*.md")))


def page_tables(text):
    """The first cells of the rows of every table headed "route"."""
    rows, in_table, fenced = [], False, False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if fenced or not line.startswith("|"):
            in_table = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not in_table:
            in_table = True
            heading = cells[0].lower() == "route"
            continue
        if heading and not re.fullmatch(r"[-: ]+", cells[0]):
            rows.append(cells[0])
    return rows


def doc_routes():
    """({(method, path): [doc, ...]} from every page table, [rows that name
    no route])."""
    found, malformed = {}, []
    for doc in doc_files():
        name = os.path.relpath(doc, ROOT)
        with open(doc) as f:
            for cell in page_tables(f.read()):
                spans = DOC_ROUTE.findall(cell)
                # Each code span is one route: no "GET/POST", "{a,b}", "[.csv]".
                if not spans or len(spans) != cell.count("`") // 2:
                    malformed.append("%s (%s)" % (cell, name))
                for r in spans:
                    found.setdefault(r, []).append(name)
    return found, malformed


def test_every_route_is_documented_and_every_documented_route_exists():
    code, (docs, malformed) = code_routes(), doc_routes()
    undocumented = sorted("%s %s (cgi-bin/%s/main.c)" % (m, p, code[(m, p)])
                          for (m, p) in code if (m, p) not in docs)
    unknown = sorted("%s %s (%s)" % (m, p, ", ".join(docs[(m, p)]))
                     for (m, p) in docs if (m, p) not in code)
    assert not undocumented and not unknown and not malformed, (
        "\nin a route table, in no page table:\n  " + "\n  ".join(undocumented)
        + "\nin a page table, in no route table:\n  " + "\n  ".join(unknown)
        + "\npage table rows not of `METHOD /path` spans:\n  " + "\n  ".join(malformed))


def test_each_route_in_one_page_table():
    twice = {r: d for r, d in doc_routes()[0].items() if len(d) > 1}
    assert not twice, twice
