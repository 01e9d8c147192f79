// The shortest chain between two actors: the fewest relations, in either direction, that link
// them, up to 8 hops; article mentions do not count as links.
// params: $from_actor, $to_actor = actor ids or names
// embedded: unsupported (shortestPath, undirected pattern, nodes)
MATCH (a) WHERE a.id = $from_actor OR a.name = $from_actor
MATCH (b) WHERE (b.id = $to_actor OR b.name = $to_actor) AND b <> a
MATCH p = shortestPath((a)-[:LEADS|MEMBER_OF|ATTENDED|HOSTED|PLEDGED|SUPPORTED|OPPOSED|MET_WITH|ATTACKED*..8]-(b))
RETURN [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | type(r)] AS relations, length(p) AS hops
