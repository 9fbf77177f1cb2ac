-- Webhook ingestion: replays pre-signed events (lines `signature<TAB>body`, from bench/webhooks.py), each once.
-- Arguments: the events file and the number of wrk threads; thread i sends every line i (mod threads).
-- Counts responses by status and by the outcome the app reports. Should the events run out, the thread
-- stops and counters.exhausted says so (the run was then shorter than its nominal duration).
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local events = {}
local next_event = 1

function init(args)
    local thread_count = tonumber(args[2])
    local line_number = 0
    for line in io.lines(args[1]) do
        if line_number % thread_count == thread_index then
            local tab = line:find("\t", 1, true)
            events[#events + 1] = wrk.format("POST", "/api/payment/stripe/webhook", {
                ["Content-Type"] = "application/json",
                ["Stripe-Signature"] = line:sub(1, tab - 1),
            }, line:sub(tab + 1))
        end
        line_number = line_number + 1
    end
    counters.loaded = #events
end

function request()
    local event = events[next_event]
    if event == nil then
        counters.exhausted = 1
        return wrk.format("GET", "/actuator/health/liveness")
    end
    next_event = next_event + 1
    -- wrk builds one request before the run to inspect it; counters.issued may exceed what was sent by one.
    counters.issued = (counters.issued or 0) + 1
    return event
end

function response(status, headers, body)
    if counters.exhausted then
        wrk.thread:stop()
        return
    end
    local class = tostring(status):sub(1, 1) .. "xx"
    counters[class] = (counters[class] or 0) + 1
    local outcome = body and body:match('"outcome":"(%a+)"')
    if outcome then
        counters[outcome] = (counters[outcome] or 0) + 1
    end
end
