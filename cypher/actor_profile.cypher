// An actor profile: every relation of one actor, outgoing and incoming, and the sources of each.
// Article mentions are left out; the sources column lists the articles behind each relation.
// params: $actor = the actor id, e.g. UKR or emmanuel-macron, or its name
// embedded: unsupported (undirected pattern, CASE)
MATCH (a)-[r]-(other)
WHERE (a.id = $actor OR a.name = $actor) AND type(r) <> 'MENTIONS'
RETURN type(r) AS relation,
       CASE WHEN startNode(r) = a THEN 'outgoing' ELSE 'incoming' END AS direction,
       other.id AS other_id, other.name AS other, other.kind AS other_kind,
       r.confidence AS confidence, r.articles AS sources, r.sentences AS sentences
ORDER BY relation, direction, other_id
