"""test_platform.py: what every page gets from nginx and the shared core:
health, metrics, errors in the layout, security headers, static files."""
import requests


def test_health_answers_ok_when_database_answers(stack):
    r = requests.get(stack.base + "/health")
    assert r.status_code == 200
    assert r.text == "ok\n"


def test_unknown_route_is_404_in_the_layout(client):
    r = client.get("/portal/no-such-page")
    assert r.status_code == 404
    assert "<h1>404" in r.text and 'class="top"' in r.text


def test_unknown_top_level_path_is_ours_too(client):
    r = client.get("/no-such-thing")
    assert r.status_code == 404
    assert "Page not found" in r.text


def test_wrong_method_is_405_with_allow(client):
    r = client.post("/", {"x": "1"}, csrf=False)
    assert r.status_code == 405
    assert r.headers["Allow"] == "GET"


def test_error_is_json_for_json_clients(client):
    r = client.get("/portal/none", headers={"Accept": "application/json"})
    assert r.status_code == 404
    assert r.headers["Content-Type"] == "application/json"
    assert r.json()["error"] == "not_found"


def test_security_headers_on_pages(client):
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"
    assert r.headers["Cache-Control"] == "no-store"


def test_static_files_are_cached(stack):
    r = requests.get(stack.base + "/static/zsog.css")
    assert r.status_code == 200
    assert "max-age=604800" in r.headers["Cache-Control"]


def test_metrics_counts_requests_by_service_and_status(stack):
    requests.get(stack.base + "/portal/surely-missing")
    text = requests.get(stack.base + "/metrics").text
    assert 'zsog_requests_total{service="portal",status="404"}' in text
    assert 'zsog_request_seconds_bucket{service="portal",le="+Inf"}' in text
    alive = [l for l in text.splitlines() if l.startswith('zsog_workers_alive{service="portal"}')]
    assert alive and int(alive[0].split()[-1]) == 3


def test_language_follows_accept_language_and_switch(stack):
    pl = stack.client(lang="pl-PL,pl;q=0.9")
    assert '<html lang="pl">' in pl.get("/").text
    en = stack.client(lang="en-GB,en;q=0.9")
    assert '<html lang="en">' in en.get("/").text
    # The switch sets a cookie that wins over Accept-Language afterwards.
    r = pl.get("/?lang=en")
    assert '<html lang="en">' in r.text
    assert '<html lang="en">' in pl.get("/").text


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def assert_security_headers(r):
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, (r.url, r.status_code, name, r.headers)
    csp = r.headers.get("Content-Security-Policy", "")
    assert csp.startswith("default-src 'self'; script-src 'self';"), (r.url, csp)
    assert "frame-ancestors 'none'" in csp


def test_security_headers_on_static_files(stack):
    """nginx's add_header in `location /static/` used to cancel the
    server's headers: static files came without CSP or X-Frame-Options."""
    r = requests.get(stack.base + "/static/zsog.css")
    assert r.status_code == 200
    assert_security_headers(r)
    assert "max-age=604800" in r.headers["Cache-Control"]


def test_security_headers_on_nginx_error_pages(stack):
    """413, 429 and 50x are nginx's own pages, served from /static/."""
    big = "x" * (2 * 1024 * 1024)
    r = requests.post(stack.base + "/portal/signin", data={"email": big})
    assert r.status_code == 413
    assert "The request is too large" in r.text
    assert_security_headers(r)
    for page in ("429", "413", "50x"):
        r = requests.get(stack.base + "/static/%s.html" % page)
        assert r.status_code == 200
        assert_security_headers(r)
