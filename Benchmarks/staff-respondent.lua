-- The whole respondent: GET the staff survey page (a new visitor: no cookie, so a new CSRF token
-- in the form and its cookie), then POST the answers with that token; again and again. Counts
-- the pages served (200) and the answers acknowledged (303 See Other).
local body_file = io.open(os.getenv("S11_BODY"), "r")
local answers = body_file:read("*a"):gsub("^csrf=[^&]*", "")
body_file:close()
local path = nil
local token = os.getenv("S11_CSRF")          -- until the first page arrives
local posting = false

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) path = wrk.path; pages = 0; acknowledged = 0; refused = 0 end

function request()
  posting = not posting
  if posting then
    return wrk.format("GET", path, {})
  end
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "s11_csrf=" .. token},
                    "csrf=" .. token .. answers)
end

function response(status, headers, body)
  if status == 200 then
    pages = pages + 1
    local found = body:match('name="csrf" value="([^"]+)"')
    if found then token = found end
  elseif status == 303 then
    acknowledged = acknowledged + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local p, a, r = 0, 0, 0
  for _, t in ipairs(threads) do p = p + t:get("pages"); a = a + t:get("acknowledged"); r = r + t:get("refused") end
  local seconds = summary.duration / 1e6
  io.write(string.format("pages %d acknowledged %d refused %d\n", p, a, r))
  io.write(string.format("whole respondents (page and answers) %.0f/s; each request p50 %.2f ms p99 %.2f ms\n",
                         math.min(p, a) / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
