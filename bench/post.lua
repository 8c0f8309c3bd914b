-- wrk script: POSTs the JSON file named by BODY; with RATE (requests/s for the whole run) and CONNECTIONS set,
-- each connection paces itself so the offered load is about RATE.
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "1")
if rate > 0 then
  local interval = 1000 * connections / rate
  function delay()
    return interval
  end
end

function done(summary, latency, requests)
  local other = summary.errors.status
  io.write(string.format("non2xx=%d socket_errors=%d\n", other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
