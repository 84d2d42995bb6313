-- Expired tokens, and a one-row summary with PostgreSQL's aggregate FILTER clause.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages), for each statement.

-- expect: rows>0 requests=1
SELECT id, label, expiry
FROM personal_access_tokens
WHERE expiry < now();

-- expect: rows=1 requests=1
SELECT count(*) FILTER (WHERE expiry < now()) AS expired,
       count(*) FILTER (WHERE expiry IS NULL) AS never_expire,
       count(*) AS total
FROM personal_access_tokens;
