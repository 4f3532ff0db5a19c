-- wrk script for bench/load.py: every connection walks the list of paths in LOAD_PATHS (one
-- per line, already percent-encoded), each thread from its own starting point, and the run
-- ends with one JSON line: requests, errors by kind, latency percentiles in milliseconds.

local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("LOAD_PATHS")) do
    paths[#paths + 1] = line
  end
  counter = offset
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.1f, "connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d, "p50": %.1f, "p90": %.1f, "p99": %.1f, "max": %.1f}\n',
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
