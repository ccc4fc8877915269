"""test_puesc_docs.py: every curl example in docs/puesc-api.md runs as
written against the test stack (only the address changed), signing with
the document's own sign.py and a certificate obtained through e-Customer;
every answer is a success that validates against the XSDs."""
import os
import re
import subprocess

from ecustomer_lib import ANNA, portal_client
from puesc_lib import ROOT, body_child, issue_cert, xmllint_ok

DOC = os.path.join(ROOT, "docs", "puesc-api.md")


def blocks(lang):
    with open(DOC) as f:
        return re.findall(r"```%s\n(.*?)```" % lang, f.read(), re.S)


def test_docs_examples_run_as_written(stack, tmp_path):
    row = stack.sql("SELECT p.id, p.first_name, p.last_name, p.id_sisc FROM person p"
                    " JOIN portal_account a ON a.id = p.account_id WHERE a.email = ?", ANNA)[0]
    anna = {"id": int(row[0]), "first": row[1], "last": row[2], "sisc": row[3]}
    key, cert, _, _ = issue_cert(stack, portal_client(stack, ANNA), anna, str(tmp_path))
    os.rename(key, tmp_path / "key.pem")
    os.rename(cert, tmp_path / "cert.pem")
    (sign,) = blocks("python")
    (tmp_path / "sign.py").write_text(sign)
    shell = blocks("sh")
    assert len(shell) == 9, "one example per operation"
    script = "set -e\n" + "\n".join(shell).replace("http://127.0.0.1:8080", stack.base)
    p = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    outs = sorted(f for f in os.listdir(tmp_path) if f.endswith(".out.xml"))
    assert outs == sorted(["eori.out.xml", "create.out.xml", "get.out.xml", "list.out.xml",
                           "slots.out.xml", "change.out.xml", "cancel.out.xml",
                           "status.out.xml", "reps.out.xml"])
    for name in outs:
        data = (tmp_path / name).read_bytes()
        el = body_child(data)
        assert not el.tag.endswith("}Fault"), (name, data[:600])
        xmllint_ok(el)
    number = re.search(rb"<booking><number>([^<]+)", (tmp_path / "create.out.xml").read_bytes()).group(1)
    assert stack.scalar("SELECT status FROM booking WHERE number = ?", number.decode()) == "cancelled"
