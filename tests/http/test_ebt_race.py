"""test_ebt_race.py: 100 clients race for one hour of capacity 7 at the
same moment: exactly 7 bookings are made, the other 93 get "this hour is
full" (409, SLOT_FULL), and the database agrees (slot.booked = 7 = the
active bookings of the hour). The clients share Anna's and Jan's signed-in
sessions (each thread has its own connection and its own plate and form
token): one company's many trucks, since one truck holds one booking."""
import threading

import requests

from ebt_lib import ANNA, JAN, KOR, TRANSPOL, fields, local, portal

N, CAPACITY, HOUR = 100, 7, 13


def test_hundred_clients_capacity_seven(stack):
    users = [portal(stack, ANNA), portal(stack, JAN)]
    day = local(plus_days=12)[0]
    for u in users:
        assert u.get("/ebt/calendar?company=%d&crossing=%d&week=1" % (TRANSPOL, KOR)).status_code == 200
        u.get("/ebt/calendar?company=%d&crossing=%d" % (TRANSPOL, KOR))
        u.get("/ebt/book?company=%d&crossing=%d&day=%s&hour=%d" % (TRANSPOL, KOR, day, HOUR))
    # arrange: slots exist up to the horizon; this hour holds 7 trucks
    stack.sql("UPDATE slot SET capacity = ? WHERE crossing_id = ? AND day = ? AND hour = ?",
              CAPACITY, KOR, day, HOUR)
    assert stack.scalar("SELECT booked FROM slot WHERE crossing_id = ? AND day = ? AND hour = ?",
                        KOR, day, HOUR) == "0"
    barrier = threading.Barrier(N)
    results = [None] * N

    def one(i):
        u = users[i % 2]
        s = requests.Session()
        s.cookies.update(u.http.cookies)
        s.headers["Accept-Language"] = "en"
        data = fields()
        data.update({"company": str(TRANSPOL), "crossing": str(KOR), "day": day,
                     "hour": str(HOUR), "idem": "%032x" % (0xE0000 + i + hash(day) % 1000 * 1000),
                     "confirm": "1", "csrf": u.csrf})
        barrier.wait()
        r = s.post(stack.base + "/ebt/book", data=data, allow_redirects=False)
        results[i] = (r.status_code, 'data-code="SLOT_FULL"' in r.text and "This hour is full" in r.text)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    made = [r for r in results if r[0] == 303]
    full = [r for r in results if r[0] == 409 and r[1]]
    assert len(made) == CAPACITY, results
    assert len(full) == N - CAPACITY, results
    assert stack.scalar("SELECT booked FROM slot WHERE crossing_id = ? AND day = ? AND hour = ?",
                        KOR, day, HOUR) == str(CAPACITY)
    assert stack.count("booking", "crossing_id = ? AND day = ? AND hour = ? AND status = 'booked'",
                       KOR, day, HOUR) == CAPACITY
