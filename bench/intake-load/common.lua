-- Shared by the wrk scripts of this harness: optional pacing to a fixed offered rate, and one result line.
-- RATE (requests/s over all threads, THREADS of them) turns the closed loop into a paced one: each thread hands out
-- send slots at RATE / THREADS per second to whichever of its connections is free. A slot missed because every
-- connection is still waiting is not made up later, so a server that cannot keep up shows a lower achieved rate.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *t);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "")
local interval = rate and rate > 0 and 1000 / (rate / tonumber(os.getenv("THREADS") or "2")) or nil
local next_at = nil

if interval then
  delay = function()
    local now = now_ms()
    if next_at == nil or next_at < now then next_at = now end
    local wait = next_at - now
    next_at = next_at + interval
    return wait
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %s %.1f %.2f %.2f %d %d %d %d\n",
    os.getenv("BENCH_NAME") or "run",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write, e.timeout))
end
