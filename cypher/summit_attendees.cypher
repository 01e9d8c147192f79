// Who attended a summit: every actor linked to it by ATTENDED or HOSTED, how, and the sources.
// params: $summit = the summit id or its name, e.g. London Defence Summit
MATCH (a)-[r:ATTENDED|HOSTED]->(s:Summit)
WHERE s.id = $summit OR s.name = $summit
RETURN a.id AS actor, a.name AS name, a.kind AS kind, type(r) AS relation, r.mode AS mode, r.articles AS sources
ORDER BY name, actor, relation
