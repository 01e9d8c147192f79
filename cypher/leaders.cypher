// Leaders and their offices: who leads which state or organization, in what role.
// params: none
MATCH (p:Person)-[r:LEADS]->(o)
RETURN p.id AS leader_id, p.name AS leader, coalesce(r.role, p.office) AS office, o.id AS leads_id, o.name AS leads, r.articles AS sources
ORDER BY leader, leader_id, leads_id
