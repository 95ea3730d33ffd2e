"""Sends the planned last gasps in batches of 1,000 and times detection, queued notices and sent notices."""
import json, sys, time, urllib.request, uuid
from datetime import datetime, timezone

base, plan_path, provider = sys.argv[1], sys.argv[2], sys.argv[3]
plan = json.load(open(plan_path))
LIMIT = 60.0

def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"null")

token = call("POST", "/api/v1/auth/token", {"username": "admin", "password": "GridCare-demo-1"})["accessToken"]
before = {o["number"] for o in call("GET", "/api/v1/outages?kind=unplanned&count=500", token=token)}
run = uuid.uuid4().hex[:8]
now = datetime.now(timezone.utc).isoformat()
events = [{"eventId": f"{run}-{i}", "device": m, "type": "powerOff", "occurredAt": now} for i, m in enumerate(plan["meters"])]
start = time.monotonic()
for i in range(0, len(events), 1000):
    call("POST", "/api/v1/meter-events", {"events": events[i:i + 1000]}, token)
posted = time.monotonic() - start

# Detection places an outage per feeder (each feeder breaker is its own protection zone), so a substation's loss is
# several outages; the clock stops when the new outages together cut off every customer below the device.
detected = queued = sent = None
outages = {}
while time.monotonic() - start < 300 and sent is None:
    if detected is None:
        outages = {o["number"]: o["customerCount"] for o in call("GET", "/api/v1/outages?kind=unplanned&count=500", token=token) if o["number"] not in before}
        if sum(outages.values()) >= plan["customers"]:
            detected = time.monotonic() - start
    if detected is not None:
        notices = [n for number in outages for n in call("GET", f"/api/v1/notifications?subjectType=outage&subjectId={number}&limit=10000", token=token)
                   if n["template"] == "outage.detected"]
        if queued is None and len({n["customerId"] for n in notices}) >= plan["customers"]:
            queued = time.monotonic() - start
        if queued is not None and all(n["status"] != "Pending" for n in notices):
            sent = time.monotonic() - start
    time.sleep(0.5)

def show(name, value):
    text = "not reached in 300 s" if value is None else f"{value:6.1f} s   ÷ 60 s = {value / LIMIT:.2f}"
    print(f"  {name:<9} {text}")

print(f"== {provider}: {plan['kind']} {plan['device']} with {plan['customers']} customers; {len(events)} last gasps posted in {posted:.1f} s; {len(outages)} outages")
show("detected", detected)
show("queued", queued)
show("sent", sent)
