-- The floor: GET of the path given on the command line (Actuator liveness), through the same stack.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")
