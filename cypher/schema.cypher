// graphkit schema for Neo4j 5: one uniqueness constraint on `id` per node label (which also
// gives the index every MERGE and lookup by id uses), and indexes on the properties the
// queries in cypher/ filter or sort on. Idempotent: safe to apply on every connect.
// params: none
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT summit_id IF NOT EXISTS FOR (n:Summit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
// One node graphkit's writers lock in turn, so concurrent ingests cannot overwrite each other's merges.
CREATE CONSTRAINT graphkit_write_lock_id IF NOT EXISTS FOR (n:GraphkitWriteLock) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX state_name IF NOT EXISTS FOR (n:State) ON (n.name);
CREATE INDEX state_iso3 IF NOT EXISTS FOR (n:State) ON (n.iso3);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX summit_name IF NOT EXISTS FOR (n:Summit) ON (n.name);
CREATE INDEX summit_date IF NOT EXISTS FOR (n:Summit) ON (n.date);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
