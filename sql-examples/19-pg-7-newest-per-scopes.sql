-- The newest token of each scope list, with PostgreSQL's DISTINCT ON (the first row of each
-- group in ORDER BY's order; the driver computes it with a row_number() window).
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages); the rest is local.

-- expect: rows=5 requests=1
SELECT DISTINCT ON (scopes) scopes, label, created
FROM personal_access_tokens
ORDER BY scopes, created DESC, id;
