// Every summit an actor attended or hosted, in date order; undated summits come first, dated "".
// params: $actor = the actor id, e.g. UKR or emmanuel-macron, or its name
MATCH (a)-[r:ATTENDED|HOSTED]->(s:Summit)
WHERE a.id = $actor OR a.name = $actor
RETURN s.id AS summit, s.name AS name, coalesce(s.date, "") AS date, s.city AS city, type(r) AS relation, r.articles AS sources
ORDER BY date, summit, relation
