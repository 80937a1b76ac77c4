-- Shared by the wrk scripts of this folder (loaded with dofile from the repository's root):
-- counts 201 answers and others per thread, shows the first three refusals, prints the totals.
threads = {}
failures = 0
created = 0

response = function(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    failures = failures + 1
    if failures <= 3 then io.stderr:write("status " .. status .. ": " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local total, refused = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("created")
    refused = refused + thread:get("failures")
  end
  io.write(string.format("201 answers: %d, other answers: %d\n", total, refused))
end
