-- Create-intent: every request has its own body and Idempotency-Key, and comes from its own customer: a client
-- address in X-Forwarded-For (198.18.0.0/15, the range set aside for benchmarks), which the app believes from
-- 127.0.0.1 (PAYMENT_TRUSTED_PROXIES in lib.sh). From one address, creates queue on that address's rate-limit
-- bucket, which is the limit doing its job. Argument: a prefix unique to the run.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local prefix
local sequence = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
    prefix = args[1] .. "-" .. thread_index
end

function request()
    sequence = sequence + 1
    local key = prefix .. "-" .. sequence
    headers["Idempotency-Key"] = key
    headers["X-Forwarded-For"] = string.format("198.%d.%d.%d", 18 + thread_index % 2, math.floor(sequence / 250) % 250,
        sequence % 250 + 1)
    local body = string.format(
        '{"name":"Bench %s","email":"bench-%s@example.com","serviceType":"pon-ftth","amount":%d,"currency":"USD"}',
        key, key, 1000 + sequence % 9000)
    return wrk.format("POST", "/api/payment/stripe/create-intent", headers, body)
end

function response(status)
    local class = tostring(status):sub(1, 1) .. "xx"
    counters[class] = (counters[class] or 0) + 1
end
