-- Status polling: GET /api/payment/status/{id} for ids drawn at random from the file given as argument.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local ids = {}

function init(args)
    for line in io.lines(args[1]) do
        ids[#ids + 1] = line
    end
    math.randomseed(os.time() * 100 + thread_index)
end

function request()
    return wrk.format("GET", "/api/payment/status/" .. ids[math.random(#ids)])
end

function response(status)
    local class = tostring(status):sub(1, 1) .. "xx"
    counters[class] = (counters[class] or 0) + 1
end
