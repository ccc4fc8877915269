-- replay.lua: wrk replays pre-signed requests (scripts/bench-ingest): each
-- line of the file is "device TAB timestamp TAB signature TAB body"; wrk's
-- threads take every Nth line, each line once; when a thread's share runs
-- out it sends nothing new (a counted "exhausted" request to a 404 path),
-- so a replay is never measured as fresh events.
local file = os.getenv("REPLAY_FILE")
local nthreads = tonumber(os.getenv("REPLAY_THREADS") or "2")
local counter = 0

function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
end

local reqs, pos = {}, 0

function init(args)
   local i = 0
   for line in io.lines(file) do
      if i % nthreads == tid then
         local dev, ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.*)$")
         reqs[#reqs + 1] = wrk.format("POST", "/ingest/events", {
            ["Content-Type"] = "application/xml",
            ["X-Device"] = dev, ["X-Timestamp"] = ts, ["X-Signature"] = sig }, body)
      end
      i = i + 1
   end
end

function request()
   pos = pos + 1
   if pos > #reqs then
      return wrk.format("GET", "/ingest/replay-exhausted")
   end
   return reqs[pos]
end
