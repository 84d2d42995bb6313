-- Tokens that expire within 30 days (or have expired already), in PostgreSQL spelling:
-- now() and an interval literal. expiry is not filterable in the API: the list is read and
-- filtered locally.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages).

-- expect: rows>0 requests=1
SELECT id, label, expiry
FROM personal_access_tokens
WHERE expiry < now() + interval '30 days'
ORDER BY expiry;

-- The same question asked on a fixed day, so that its answer does not move with the clock.
-- expect: rows=1 requests=1
SELECT id, label, expiry
FROM personal_access_tokens
WHERE expiry >= '2027-02-15' AND expiry < TIMESTAMP '2027-02-15 00:00:00' + interval '30 days';
