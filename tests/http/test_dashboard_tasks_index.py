"""test_dashboard_tasks_index.py: the start page's open control tasks
(domain/control_tasks.c, q_open) are looked up per crossing of the scope on
ix_control_task_crossing (crossing, state): the open tasks' index entries
only, never the closed ones a table of years keeps (issue 15, docs/reports.md
"The officers' start page"). FIND_IN_SET(crossing, ?) read every entry."""
import random
import re

from test_dashboard_today import new_crossing, new_unit
from zsog import unique


def statement(root):
    """q_open's text as the C source holds it."""
    src = open(root + "/domain/control_tasks.c").read()
    body = re.search(r"static struct sql q_open = SQL\((.*?)\);", src, re.S).group(1)
    return "".join(s.replace('\\"', '"') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', body))


def test_open_tasks_read_only_the_open_tasks_entries(stack):
    tag = unique("T")[:8].upper()
    unit = new_unit(stack, 1, "branch", tag)
    _, a = new_crossing(stack, unit, 0, "Tasks A")
    _, b = new_crossing(stack, unit, 0, "Tasks B")
    # years of closed tasks at both, three open
    base = random.randint(10**12, 10**13)
    for code, off in ((a, 0), (b, 10000)):
        stack.sql("INSERT INTO control_task (decision_id, crossing, colour, state, outcome,"
                  " created_at) SELECT ? + seq, ?, 'yellow', 'closed', 'no_irregularity',"
                  " UTC_TIMESTAMP(3) FROM seq_1_to_2000", base + off, code)
    for code, off, n in ((a, 20000, 2), (b, 20010, 1)):
        for i in range(n):
            stack.sql("INSERT INTO control_task (decision_id, crossing, colour, state, created_at)"
                      " VALUES (?, ?, 'red', 'open', UTC_TIMESTAMP(3))", base + off + i, code)
    stack.sql("ANALYZE TABLE control_task")
    q = statement(stack.root).replace("?", "'%s,%s'" % (a, b))
    assert sorted(stack.sql(q)) == sorted([[a, "2"], [b, "1"]])
    # id, select_type, table, type, possible_keys, key, key_len, ref, rows,
    # r_rows, filtered, r_filtered, Extra
    rows = [r for r in stack.sql("ANALYZE " + q) if r[2] in ("control_task", "t")]
    assert len(rows) == 1
    row = rows[0]
    assert (row[3], row[5]) == ("ref", "ix_control_task_crossing")
    # per look-up: the open entries of one crossing (2 and 1), not 2,000
    assert float(row[9]) <= 2
