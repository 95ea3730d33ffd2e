"""Writes N daily load profiles of 96 quarter-hours as wide CSV (customer_id,v1,...,v96), the form `gridcare segment`
reads, from real SGSC household days when ../shared/data/sgsc_smart_meter10 is there.

Each profile is one real household day (48 half-hours, a complete day of one of the ten SGSC customers), split into
quarter-hours with a random share per half-hour, scaled by a random size (0.3x to 30x, log-uniform: flats to small
shops) and given 10 % multiplicative noise: real shapes, many customers. Without the data it falls back to four
textbook shapes (evening peak, daytime commerce, flat industry, night irrigation) with the same noise. Seeded.

Usage: profiles.py OUT.csv [count=100000] [seed=42] [data_dir]
"""
import csv
import os
import sys
from collections import defaultdict

import numpy as np

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
data = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(__file__), "../../../shared/data")
rng = np.random.default_rng(seed)
source = os.path.join(data, "sgsc_smart_meter10", "smart_meter10.csv")


def sgsc_days():
    days = defaultdict(dict)
    with open(source, newline="") as f:
        for row in csv.DictReader(f):
            stamp = row["reading_datetime"]
            slot = int(stamp[11:13]) * 2 + int(stamp[14:16]) // 30
            days[(row["customer_id"], stamp[:10])][slot] = float(row["general_supply_kwh"])
    full = [[d[s] for s in range(48)] for d in days.values() if len(d) == 48 and sum(d.values()) > 0]
    return np.array(full)


def textbook_days():
    hours = np.arange(48) / 2
    shapes = [np.where((hours >= 19) & (hours < 22), 1.0, 0.15), np.where((hours >= 9) & (hours < 17), 1.0, 0.1),
              np.full(48, 1.0), np.where((hours >= 23) | (hours < 6), 1.0, 0.1)]
    return np.array(shapes)


if os.path.exists(source):
    base, origin = sgsc_days(), "SGSC household days"
else:
    base, origin = textbook_days(), "textbook shapes (SGSC data not found)"
pick = rng.integers(0, len(base), count)
halves = base[pick]
share = rng.uniform(0.3, 0.7, size=halves.shape)
quarters = np.empty((count, 96))
quarters[:, 0::2] = halves * share
quarters[:, 1::2] = halves * (1 - share)
quarters *= np.exp(rng.uniform(np.log(0.3), np.log(30), size=(count, 1)))
quarters *= rng.uniform(0.9, 1.1, size=quarters.shape)
with open(out, "w") as f:
    f.write("customer_id," + ",".join(f"v{i}" for i in range(1, 97)) + "\n")
    for i, row in enumerate(quarters):
        f.write(f"C{i:06d}," + ",".join(f"{v:.5f}" for v in row) + "\n")
print(f"{count} profiles of 96 quarter-hours from {len(base)} {origin} -> {out}")
