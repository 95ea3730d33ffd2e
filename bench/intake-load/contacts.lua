-- wrk script: POST /api/v1/contacts with a unique externalId per request and accounts taken in turn from
-- accounts.txt, as a burst of hotline, app and SMS contacts would arrive. TOKEN comes from the environment.
local accounts = {}
for line in io.lines(os.getenv("ACCOUNTS_FILE")) do accounts[#accounts + 1] = line end
local channels = { "hotline", "app", "sms", "wechat", "web" }
local types = { "repair", "inquiry", "opinion" }
local counter = 0
local thread_id = 0

setup = function(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

init = function(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

request = function()
  counter = counter + 1
  local n = id * 100000000 + counter
  local body = string.format(
    '{"channel":"%s","externalId":"load-%s-%d","accountNumber":"%s","text":"停电了，请尽快来修","type":"%s"}',
    channels[n % #channels + 1], os.getenv("RUN_ID"), n, accounts[n % #accounts + 1], types[n % #types + 1])
  return wrk.format(nil, "/api/v1/contacts", nil, body)
end
