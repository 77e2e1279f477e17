-- POSTs the same staff answers again and again; counts the acknowledged ones (303 See Other).
local body_file = io.open(os.getenv("S11_BODY"), "r")
wrk.method = "POST"
wrk.body = body_file:read("*a")
body_file:close()
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "s11_csrf=" .. os.getenv("S11_CSRF")

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) acknowledged = 0; refused = 0 end
function response(status, headers, body)
  if status == 303 then acknowledged = acknowledged + 1 else refused = refused + 1 end
end
function done(summary, latency, requests)
  local a, r = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("acknowledged"); r = r + t:get("refused") end
  io.write(string.format("acknowledged %d refused %d\n", a, r))
  io.write(string.format("p50 %.2f ms p99 %.2f ms max %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
