-- Status polling: GET /api/payment/status/{id} for ids drawn at random from the file given as argument.
-- The requests are formatted once, and there is no response() callback (wrk's own summary counts non-2xx/3xx
-- answers): a callback makes wrk hand every response to Lua, and both cost wrk a third more CPU per request,
-- CPU that the app being measured shares on this machine.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

local requests = {}

function init(args)
    for line in io.lines(args[1]) do
        requests[#requests + 1] = wrk.format("GET", "/api/payment/status/" .. line)
    end
    math.randomseed(os.time() * 100 + thread_index)
end

function request()
    return requests[math.random(#requests)]
end
