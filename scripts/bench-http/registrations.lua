-- wrk script: every request registers a new resident of edition `bench` with a valid PESEL of
-- its own (born 1950-1979, apart from the 1980-1999 residents setup.py registers). $PESEL_BASE
-- (default 0) shifts the numbers, so that several wrk processes never send the same PESEL.
dofile("scripts/bench-http/answers.lua")
local next_thread = 0

function setup(thread)
  thread:set("base", (tonumber(os.getenv("PESEL_BASE")) or 0) + next_thread * 1000000)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local counter = 0

local function pesel(n)
  local serial = n % 10000
  local day = 1 + math.floor(n / 10000) % 28
  local month = 1 + math.floor(n / 280000) % 12
  local year = 50 + math.floor(n / 3360000) % 30
  local text = string.format("%02d%02d%02d%04d", year, month, day, serial)
  local weights = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 }
  local sum = 0
  for i = 1, 10 do sum = sum + tonumber(text:sub(i, i)) * weights[i] end
  return text .. tostring((10 - sum % 10) % 10)
end

request = function()
  counter = counter + 1
  local n = (base or 0) + counter
  local body = '{"name":"Osoba ' .. n .. '","pesel":"' .. pesel(n) .. '"}'
  return wrk.format("POST", "/api/v1/editions/bench/voters", { ["Content-Type"] = "application/json" }, body)
end
