"""Picks the smallest device of the demo area whose outage cuts off at least the target number of customers, and the meters
below it that send a last gasp (every k-th, for the requested share), from the SQLite database of a demo start."""
import json, sqlite3, sys
from collections import defaultdict

path, target, share = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
devices = {i: (p, k, c) for i, p, k, c in db.execute('SELECT "Id", "ParentId", "Kind", "Code" FROM "NetworkDevices"')}
children = defaultdict(list)
for i, (p, _, _) in devices.items():
    if p is not None:
        children[p].append(i)
customers = {sp for (sp,) in db.execute('SELECT "ServicePointId" FROM "Customers"')}

def below(i):
    points, meters, stack = [], [], [i]
    while stack:
        d = stack.pop()
        if d in customers:
            points.append(d)
            meters.append(devices[devices[d][0]][2])
        stack.extend(children[d])
    return points, meters

candidates = [i for i, (_, k, _) in devices.items() if k in ("Substation", "Feeder", "Switch")]
sizes = {i: len(below(i)[0]) for i in candidates}
# The smallest device cutting off at least the target (a substation when no feeder is that large), else the largest.
large = [i for i in candidates if sizes[i] >= target]
best = min(large, key=lambda i: sizes[i]) if large else max(candidates, key=lambda i: sizes[i])
_, meters = below(best)
step = max(1, round(1 / share))
print(json.dumps({"device": devices[best][2], "kind": devices[best][1], "customers": sizes[best], "meters": sorted(meters)[::step]}))
