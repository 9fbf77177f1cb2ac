-- Shared by the wrk scripts: numbers the threads, and at the end prints one line
-- `BENCH_RESULT {json}` with rate, latency percentiles, errors and the threads' own counters.
-- A script that keeps counters puts them in the global table `counters` (per thread).

local threads = {}
counters = {}

function setup(thread)
    thread:set("thread_index", #threads)
    table.insert(threads, thread)
end

local function json(value)
    if type(value) == "table" then
        local parts = {}
        for k, v in pairs(value) do
            table.insert(parts, string.format("%q:%s", tostring(k), json(v)))
        end
        return "{" .. table.concat(parts, ",") .. "}"
    elseif type(value) == "string" then
        return string.format("%q", value)
    end
    return tostring(value)
end

function done(summary, latency, requests)
    local merged = {}
    for _, thread in ipairs(threads) do
        for name, count in pairs(thread:get("counters") or {}) do
            merged[name] = (merged[name] or 0) + count
        end
    end
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write("BENCH_RESULT ", json({
        requests = summary.requests,
        duration_s = seconds,
        rps = summary.requests / seconds,
        p50_ms = latency:percentile(50) / 1000,
        p90_ms = latency:percentile(90) / 1000,
        p99_ms = latency:percentile(99) / 1000,
        max_ms = latency.max / 1000,
        errors = e.connect + e.read + e.write + e.timeout + e.status,
        socket_errors = { connect = e.connect, read = e.read, write = e.write, timeout = e.timeout },
        non_2xx_3xx = e.status,
        counters = merged,
    }), "\n")
end
