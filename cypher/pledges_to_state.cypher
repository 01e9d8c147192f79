// Pledges to a state: who pledged what to it, and the articles and sentences that say so.
// params: $state = the state id, its ISO 3166 alpha-3 code such as UKR, or its name
MATCH (p)-[r:PLEDGED]->(t:State)
WHERE t.id = $state OR t.name = $state
RETURN p.id AS pledger_id, p.name AS pledger, r.what AS what, r.confidence AS confidence, r.articles AS sources, r.sentences AS sentences
ORDER BY pledger, pledger_id
