"""scikit-learn's KMeans on the same profiles as GridCare: each profile divided by its day's kWh (GridCare's default
`--normalize sum`), then KMeans(n_clusters=k, n_init=n, init="k-means++", random_state=seed), timed around fit() only,
like the GridCare side. Prints one line: RESULT sklearn seconds inertia iterations.

Usage: sklearn_kmeans.py PROFILES.csv k n_init seed rounds
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans

path, k, n_init, seed, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
values = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, 97))
sums = values.sum(axis=1, keepdims=True)
points = np.divide(values, sums, out=values.copy(), where=sums > 0)
for _ in range(rounds):
    model = KMeans(n_clusters=k, n_init=n_init, init="k-means++", random_state=seed)
    start = time.perf_counter()
    model.fit(points)
    seconds = time.perf_counter() - start
    print(f"RESULT sklearn {seconds:.3f} {model.inertia_:.9g} {model.n_iter_} (scikit-learn {sklearn.__version__})", flush=True)
