-- Directory search: case- and accent-insensitive ("jose" finds "José"), substring match, indexed.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary is looked up by name at run time), so it cannot be
-- indexed. A SQL-standard body binds the dictionary once, at creation, which makes IMMUTABLE true.
CREATE OR REPLACE FUNCTION immutable_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN unaccent('unaccent'::regdictionary, value);--> statement-breakpoint
-- What a directory search matches against: name, specialties and bio, folded. Queries call the same
-- function so the planner can use the index below.
CREATE OR REPLACE FUNCTION doctor_search_text(name text, specialties text[], bio text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(immutable_unaccent(name || ' ' || array_to_string(specialties, ' ') || ' ' || coalesce(bio, '')));--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(immutable_unaccent(value));--> statement-breakpoint
CREATE INDEX "doctors_search_trgm_idx" ON "doctors" USING gin (doctor_search_text("name", "specialties", "bio") gin_trgm_ops);
