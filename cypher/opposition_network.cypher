// The opposition network: who opposes whom, and how many articles and sentences say so.
// params: none
MATCH (a)-[r:OPPOSED]->(b)
RETURN a.id AS opponent_id, a.name AS opponent, b.id AS opposed_id, b.name AS opposed, size(r.articles) AS articles, size(r.evidence) AS sentences
ORDER BY articles DESC, sentences DESC, opponent_id, opposed_id
