-- wrk script for Benchmarks/taxii_load.sh: paged reads of one collection, limit=100, each request a page that the
-- real `next` chain names (the paths file, one request path a line, written by taxii_bench.py cursors). Each
-- thread starts at its own offset and walks the chain in order, wrapping around, so the run reads every page
-- (first page included) rather than one cached answer. TAXII_PATHS and TAXII_AUTH come from the environment.
local thread_count = 0

function setup(thread)
    thread:set("id", thread_count)
    thread_count = thread_count + 1
end

function init(args)
    paths = {}
    for line in io.lines(os.getenv("TAXII_PATHS")) do
        paths[#paths + 1] = line
    end
    index = (id * 7919) % #paths
    headers = {
        ["Authorization"] = os.getenv("TAXII_AUTH"),
        ["Accept"] = "application/taxii+json;version=2.1",
    }
end

function request()
    index = index % #paths + 1
    return wrk.format("GET", paths[index], headers)
end
