"""Latency of GET /api/v1/customers/{id}/profile beside GET /api/v1/customers/{id} (the baseline: the same customers'
plain record, with the same sign-in and scope check) from one warm client over one keep-alive connection.

Usage: measure.py BASE_URL customers rounds
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

base, count, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def call(method, path, body=None, token=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    start = time.perf_counter()
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data), elapsed


# The demo administrator sees every unit, so customers come from the whole area.
token = call("POST", "/api/v1/auth/token", {"username": "admin", "password": "GridCare-demo-1"})[0]["accessToken"]
total = call("GET", "/api/v1/customers?pageSize=1", token=token)[0]["total"]
# Twenty customers from each of count / 20 pages of 200, the pages spread evenly over the whole list.
fetch = max(1, count // 20)
ids = []
for n in range(fetch):
    page = 1 + n * max(1, total // 200) // fetch
    items = call("GET", f"/api/v1/customers?pageSize=200&page={page}", token=token)[0]["items"]
    ids += [c["id"] for c in items[::10]]
ids = list(dict.fromkeys(ids))
# The load shapes are stored by the analysis worker after the readings are analysed: wait until profiles carry them.
waited = time.perf_counter()
while not any(call("GET", f"/api/v1/customers/{c}/profile", token=token)[0]["consumption"].get("loadShapeTo") for c in ids[:20]):
    if time.perf_counter() - waited > 3600:
        raise SystemExit("no load shapes after an hour")
    time.sleep(5)
print(f"load shapes present after {time.perf_counter() - waited:.0f} s of waiting")
for customer in ids[:100]:
    call("GET", f"/api/v1/customers/{customer}/profile", token=token)
    call("GET", f"/api/v1/customers/{customer}", token=token)

profile, plain, sample, shaped = [], [], None, 0
for _ in range(rounds):
    for customer in ids:
        body, ms = call("GET", f"/api/v1/customers/{customer}/profile", token=token)
        profile.append(ms)
        shaped += 1 if body["consumption"].get("loadShape") else 0
        plain.append(call("GET", f"/api/v1/customers/{customer}", token=token)[1])
        if sample is None and body["workOrders"]:
            sample = body


def row(name, values):
    q = statistics.quantiles(values, n=100, method="inclusive")
    return f"| {name} | {len(values)} | {statistics.fmean(values):.1f} | {q[49]:.1f} | {q[94]:.1f} | {q[98]:.1f} | {max(values):.1f} |"


print(f"{total} customers in the area; {len(ids)} customers spread over it, {rounds} rounds, after 100 warm-up customers")
print("| request | n | mean ms | p50 ms | p95 ms | p99 ms | max ms |")
print("|---|---|---|---|---|---|---|")
print(row("GET /customers/{id}/profile", profile))
print(row("GET /customers/{id} (baseline)", plain))
print(f"{shaped} of {len(profile)} profiles had a load shape")
if sample:
    consumption = sample["consumption"]
    print(f"a profile with orders: {len(sample['workOrders'])} orders listed, {len(consumption['days'])} days of consumption, "
          f"load shape {'yes' if consumption.get('loadShape') else 'no'}")
