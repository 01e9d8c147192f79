// Co-attendance: pairs of states that attended the same summits, the most frequent pairs first.
// params: none
MATCH (a:State)-[:ATTENDED]->(s:Summit)<-[:ATTENDED]-(b:State)
WHERE a.id < b.id
RETURN a.id AS state_a, a.name AS name_a, b.id AS state_b, b.name AS name_b, count(s) AS summits
ORDER BY summits DESC, state_a, state_b
