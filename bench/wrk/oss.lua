-- One signed OSS request, replayed: every signed value comes from the environment that
-- oss_v1_sign.py --format env writes, so the bytes on the wire are exactly what was signed.
-- wrk runs this once per thread; nothing is computed per request.
local function env(name, default)
   local v = os.getenv(name)
   if v == nil or (v == "" and default == nil) then
      io.stderr:write("wrk script error: " .. name .. " is not set; run oss_v1_sign.py first\n")
      os.exit(2)
   end
   return v
end

local function read_file(path)
   local f = io.open(path, "rb")
   if not f then io.stderr:write("cannot read " .. path .. "\n"); os.exit(2) end
   local s = f:read("*a")
   f:close()
   return s
end

local dir = (debug.getinfo(1, "S").source:match("^@(.*[/\\])")) or "./"
wrk.method = env("OSS_SIGNED_VERB")
wrk.path = env("OSS_PATH")
wrk.headers["Date"] = env("OSS_DATE")
wrk.headers["Authorization"] = env("OSS_AUTHORIZATION")
local ctype = env("OSS_CONTENT_TYPE", "")
if ctype ~= "" then wrk.headers["Content-Type"] = ctype end
local md5 = env("OSS_CONTENT_MD5", "")
if md5 ~= "" then wrk.headers["Content-MD5"] = md5 end
if wrk.method == "PUT" and wrk.path:find("?encryption", 1, true) then
   wrk.body = read_file(dir .. "put-encryption-body.xml")
elseif env("OSS_BODY_FILE", "") ~= "" and wrk.method == "PUT" then
   wrk.body = read_file(env("OSS_BODY_FILE"))
end

-- Machine-readable summary (latencies in microseconds), parsed by run.sh.
function done(summary, latency, requests)
   local e = summary.errors
   local secs = summary.duration / 1e6
   io.write(string.format(
      'WRK_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"bytes":%d,' ..
      '"p50_us":%d,"p99_us":%d,"max_us":%d,"non2xx":%d,"sock_err":%d}\n',
      summary.requests, secs, summary.requests / secs, summary.bytes,
      latency:percentile(50), latency:percentile(99), latency.max,
      e.status, e.connect + e.read + e.write + e.timeout))
end
