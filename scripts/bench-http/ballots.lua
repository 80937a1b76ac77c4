-- wrk script: every request casts an online ballot in pool `city` of edition `bench`, as one of
-- the registered residents whose tokens are in $TOKENS (one per line), in turn.
dofile("scripts/bench-http/answers.lua")
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local choices = { '"p1","p2"', '"p3"', '"p4","p5","p6"', '"p7"', '"p8","p9"', '"p10","p1"' }
local counter = 0

function setup(thread)
  thread:set("offset", math.random(1, #tokens))
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local token = tokens[((counter + (offset or 0)) % #tokens) + 1]
  local body = '{"pool":"city","projects":[' .. choices[(counter % #choices) + 1] .. ']}'
  return wrk.format("POST", "/api/v1/editions/bench/ballots",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
