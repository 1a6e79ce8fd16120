-- Mixed traffic for wrk: public pages, API lists with filters (token), and focal-point form
-- posts (session cookie + CSRF token). The request mix and the credentials come from the
-- config file written by bench/load_mixed.py (its path is the first argument after `--`).
-- Every response's status is counted per thread; done() prints one JSON line for the driver.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("thread_index", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   cfg = dofile(args[1])
   statuses = {}
   posts = 0
   math.randomseed(1000 + thread_index)
   -- Each thread posts as one focal point, so each has its own session and CSRF token.
   session = cfg.sessions[(thread_index % #cfg.sessions) + 1]
   sequence = 0
end

local function pick(list)
   return list[math.random(#list)]
end

function request()
   sequence = sequence + 1
   local roll = math.random(100)
   if roll <= cfg.weights.page then
      return wrk.format("GET", pick(cfg.pages))
   elseif roll <= cfg.weights.page + cfg.weights.api then
      return wrk.format("GET", pick(cfg.api), { ["Authorization"] = "Token " .. cfg.token, ["Accept"] = "application/json" })
   else
      posts = posts + 1
      local body = string.format(cfg.post_body, session.csrf, thread_index, sequence)
      return wrk.format("POST", cfg.post_path, {
         ["Cookie"] = session.cookie,
         ["Content-Type"] = "application/x-www-form-urlencoded",
         ["Referer"] = cfg.origin .. cfg.post_path,
         ["Origin"] = cfg.origin,
      }, body)
   end
end

function response(status, headers, body)
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   local posted = 0
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + n
      end
      posted = posted + thread:get("posts")
   end
   local parts = {}
   for status, n in pairs(total) do
      table.insert(parts, string.format('"%s": %d', status, n))
   end
   io.write(string.format(
      'RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
      '"max_us": %d, "mean_us": %.1f, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"posts_sent": %d, "statuses": {%s}}\n',
      summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), latency.max, latency.mean, summary.errors.connect, summary.errors.read,
      summary.errors.write, summary.errors.status, summary.errors.timeout, posted, table.concat(parts, ", ")))
end
