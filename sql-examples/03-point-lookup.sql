-- Point lookups: a few columns of one token, and an id that does not exist.
-- Unqualified table names work too: the default schema is "profile".
--
-- HTTP: GET /v4/profile/tokens/{id}, one request each. A 404 is an empty result, not an error.

-- expect: rows=1 requests=1
SELECT id, label, scopes, expiry
FROM personal_access_tokens
WHERE id = 7;

-- expect: rows=0 requests=1
SELECT id, label
FROM personal_access_tokens
WHERE id = 999999;
