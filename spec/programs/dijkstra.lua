-- Shortest paths with Dijkstra's algorithm on a small weighted graph.
local graph = {
  A = { B = 7, C = 9, F = 14 }, B = { A = 7, C = 10, D = 15 }, C = { A = 9, B = 10, D = 11, F = 2 },
  D = { B = 15, C = 11, E = 6 }, E = { D = 6, F = 9 }, F = { A = 14, C = 2, E = 9 }, G = {},
}
local function sorted_keys(t) local k = {} for key in pairs(t) do k[#k + 1] = key end table.sort(k) return k end
local function dijkstra(src)
  local dist, prev, done = { [src] = 0 }, {}, {}
  while true do
    local best, bestd
    for _, v in ipairs(sorted_keys(dist)) do
      if not done[v] and (not bestd or dist[v] < bestd) then best, bestd = v, dist[v] end
    end
    if not best then break end
    done[best] = true
    for _, n in ipairs(sorted_keys(graph[best])) do
      local nd = bestd + graph[best][n]
      if not dist[n] or nd < dist[n] then dist[n], prev[n] = nd, best end
    end
  end
  return dist, prev
end
local dist, prev = dijkstra("A")
for _, v in ipairs(sorted_keys(graph)) do
  local path, cur = {}, v
  while cur do table.insert(path, 1, cur); cur = prev[cur] end
  print(v, dist[v] or "unreachable", dist[v] and table.concat(path, "->") or "")
end
