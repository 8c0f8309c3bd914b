-- wrk script for the soak: rotates over valid (prefetch), invalid and FHIR-fallback bodies, counts answers by class.
local paths = { "/cds-services/ivig-lmn-order-select", "/cds-services/ivig-lmn-order-select", "/cds-services/ivig-lmn-order-select" }
local bodies = {}
for i, name in ipairs({ "VALID_BODY", "INVALID_BODY", "FALLBACK_BODY" }) do
  local file = assert(io.open(os.getenv(name), "rb"))
  bodies[i] = file:read("*a")
  file:close()
end
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  classes = { ["2xx"] = 0, ["400"] = 0, ["412"] = 0, ["other4xx"] = 0, ["5xx"] = 0 }
end

function request()
  counter = counter + 1
  local i = (counter % 10 < 6) and 1 or ((counter % 10 < 8) and 2 or 3)
  return wrk.format("POST", paths[i], { ["Content-Type"] = "application/json" }, bodies[i])
end

function response(status, headers, body)
  if status >= 200 and status < 300 then classes["2xx"] = classes["2xx"] + 1
  elseif status == 400 then classes["400"] = classes["400"] + 1
  elseif status == 412 then classes["412"] = classes["412"] + 1
  elseif status >= 500 then classes["5xx"] = classes["5xx"] + 1
  else classes["other4xx"] = classes["other4xx"] + 1 end
end

function done(summary, latency, requests)
  local totals = { ["2xx"] = 0, ["400"] = 0, ["412"] = 0, ["other4xx"] = 0, ["5xx"] = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("classes")
    for k, v in pairs(c) do totals[k] = totals[k] + v end
  end
  io.write(string.format("classes 2xx=%d 400=%d 412=%d other4xx=%d 5xx=%d socket_errors=%d\n",
    totals["2xx"], totals["400"], totals["412"], totals["other4xx"], totals["5xx"],
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
