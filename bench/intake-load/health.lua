-- The bare endpoint: GET /health, closed loop or paced like the contacts (see common.lua).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
wrk.path = "/health"
