-- POST /api/v1/contacts with a unique externalId per request. MIX picks the callers:
--   worst      the first 200 accounts in turn, three types: after the first round every contact is a repeat
--              landing on one of 600 open orders, so concurrent contacts collide on the same orders;
--   realistic  a random account of the whole list (ACCOUNTS_FILE: account<TAB>phone, thousands of them) for most
--              contacts, phone-only callers (a phone may match several accounts), unidentified reports, and repeat
--              calls of a recent caller about the same matter.
-- TOKEN, RUN_ID and ACCOUNTS_FILE come from the environment; pacing and the result line from common.lua.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local accounts, phones = {}, {}
for line in io.lines(os.getenv("ACCOUNTS_FILE")) do
  local account, phone = line:match("^(%S+)\t?(%S*)")
  accounts[#accounts + 1] = account
  phones[#phones + 1] = phone
end
local mix = os.getenv("MIX") or "worst"
local channels = { "hotline", "app", "sms", "wechat", "web" }
local types = { "repair", "inquiry", "opinion" }
local counter = 0
local thread_id = 0
local recent, remembered = {}, 0

setup = function(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

init = function(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  math.randomseed(id * 7919 + #os.getenv("RUN_ID"))
end

local function body(n, who, kind)
  return string.format('{"channel":"%s","externalId":"load-%s-%d",%s"text":"停电了，请尽快来修","type":"%s"}',
    channels[n % #channels + 1], os.getenv("RUN_ID"), n, who, kind)
end

local function worst(n)
  local worst_accounts = math.min(200, #accounts)
  return body(n, string.format('"accountNumber":"%s",', accounts[n % worst_accounts + 1]), types[n % #types + 1])
end

local function realistic(n)
  local roll = math.random(100)
  if roll <= 5 and #recent > 0 then -- a repeat call of a recent caller about the same matter
    local r = recent[math.random(#recent)]
    return body(n, r[1], r[2])
  end
  local i = math.random(#accounts)
  local kind = types[math.random(#types)]
  local who
  if roll <= 80 then
    who = string.format('"accountNumber":"%s",', accounts[i])
  elseif roll <= 93 and phones[i] ~= "" then
    who = string.format('"phone":"%s",', phones[i])
  else
    who = "" -- unidentified: a passer-by reporting a fallen line
  end
  if who ~= "" then
    remembered = remembered + 1
    recent[(remembered - 1) % 50 + 1] = { who, kind }
  end
  return body(n, who, kind)
end

request = function()
  counter = counter + 1
  local n = id * 100000000 + counter
  return wrk.format(nil, "/api/v1/contacts", nil, mix == "realistic" and realistic(n) or worst(n))
end
