-- Tokens that never expire.
-- A token created without an expiry has a NULL expiry; the real API has also been seen to
-- return 2999-12-12T05:00:00 for such tokens, so the second query counts both.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages; expiry is not filterable).

-- expect: rows>0 requests=1
SELECT id, label, created
FROM linode.profile.personal_access_tokens
WHERE expiry IS NULL;

-- expect: rows>0 requests=1
SELECT id, label, expiry
FROM linode.profile.personal_access_tokens
WHERE expiry IS NULL
   OR expiry >= TIMESTAMP '2999-01-01 00:00:00'
ORDER BY id;
