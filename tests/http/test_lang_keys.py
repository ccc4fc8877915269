"""test_lang_keys.py: the words exist before anyone asks for them. No
stack: it reads templates/lang/{pl,en}/*.hdf, the templates and the C
sources. Both languages have the same keys; every message key the C code
names (view_text, view_field_error, resp_error, a param's err, an
e-mail's subject) and every L.x.y a template names is in both; every
plural(n, "key") has its one, few and many forms. A key that is missing
would reach the page as nothing (lib/view.c logs it); this finds it first."""
import glob
import os
import re

import pytest

from zsog import read_hdf

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))




def strings(lang):
    out = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "templates", "lang", lang, "*.hdf"))):
        read_hdf(path, out)
    return out


L = {"pl": strings("pl"), "en": strings("en")}


def has(lang, key):
    """A leaf, or a node with children (L.x[...] lookups name nodes)."""
    d = L[lang]
    return key in d or any(k.startswith(key + ".") for k in d)


def resolve(key):
    """As lib/view.c: a key without a dot is a message under err."""
    return key if "." in key else "err." + key


def c_sources():
    for pattern in ("cgi-bin/*/*.c", "domain/*.c", "lib/*.c", "tools/*.c"):
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            with open(path, encoding="utf-8") as f:
                # Comments show calls as examples; only code counts.
                text = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)
                yield os.path.relpath(path, ROOT), text


def test_both_languages_have_the_same_keys():
    only_pl = sorted(set(L["pl"]) - set(L["en"]))
    only_en = sorted(set(L["en"]) - set(L["pl"]))
    assert not only_pl and not only_en, (only_pl[:20], only_en[:20])


# The calls whose literal argument is a message key, and how to read it.
C_KEYS = [
    (re.compile(r'view_text(?:_lang)?\([^,]+,\s*"([^"%]+)"\)'), resolve),
    (re.compile(r'view_field_error\([^,]+,\s*"[^"]+",\s*"([^"%]+)"\)'), resolve),
    (re.compile(r'view_field_error\([^,]+,\s*[a-z_>.\[\]-]+,\s*"([^"%]+)"\)'), resolve),
    (re.compile(r'resp_error\([^,]+,\s*\d+,\s*"([^"%]+)"\)'), lambda k: "err." + k),
    (re.compile(r'outbox_put\([^;]*?"([a-z_]+\.[a-z_.]+)",\s*"mail/'), lambda k: k),
    (re.compile(r'view_plural\([^,]+,[^,]+,\s*"([^"%]+)"\)'), lambda k: k + ".many"),
    # view_confirm(r, "key", back): the step asks key.question, offers key.yes
    (re.compile(r'view_confirm\([^,]+,\s*"([^"%]+)"'), lambda k: k + ".question"),
    (re.compile(r'view_confirm\([^,]+,\s*"([^"%]+)"'), lambda k: k + ".yes"),
    # struct param { name, flags, maxlen, norm, check, "err" }
    (re.compile(r'\{\s*"[a-z_]+",\s*[^{}]*?,\s*\d+,\s*[A-Za-z_]+,\s*[A-Za-z_]+,\s*"([a-z_]+)"\s*\}'),
     lambda k: "err." + k),
]


def test_every_key_the_c_code_names_exists_in_both_languages():
    missing = []
    for path, text in c_sources():
        for pattern, key_of in C_KEYS:
            for m in pattern.finditer(text):
                key = key_of(m.group(1))
                for lang in ("pl", "en"):
                    if not has(lang, key):
                        missing.append("%s: %s (%s)" % (path, key, lang))
    assert not missing, "\n".join(missing)


def templates():
    for path in sorted(glob.glob(os.path.join(ROOT, "templates", "**", "*.cs"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            yield os.path.relpath(path, ROOT), f.read()


# Made by lib/view.c when it loads a language, not read from a file.
GENERATED = ("country",)


def test_every_string_a_template_names_exists_in_both_languages():
    ref = re.compile(r"\bL((?:\.[A-Za-z0-9_]+)+)")
    missing = []
    for path, text in templates():
        for m in ref.finditer(text):
            key = m.group(1)[1:]
            if key.split(".")[0] in GENERATED:
                continue
            for lang in ("pl", "en"):
                if not has(lang, key):
                    missing.append("%s: L.%s (%s)" % (path, key, lang))
    assert not missing, "\n".join(sorted(set(missing)))


def test_every_plural_has_its_forms():
    call = re.compile(r'plural\([^,]+,\s*"([a-z_.]+)"\)')
    missing = []
    for path, text in list(templates()) + list(c_sources()):
        for m in call.finditer(text):
            for lang in ("pl", "en"):
                for form in ("one", "few", "many"):
                    if m.group(1) + "." + form not in L[lang]:
                        missing.append("%s: %s.%s (%s)" % (path, m.group(1), form, lang))
    assert not missing, "\n".join(sorted(set(missing)))


@pytest.mark.parametrize("key", ["ingest_value", "ingest_period", "required"])
def test_keys_that_once_showed_raw_now_resolve(key):
    for lang in ("pl", "en"):
        assert has(lang, resolve(key)), (lang, key)
