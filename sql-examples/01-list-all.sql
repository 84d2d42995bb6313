-- List every token, every column.
-- The seed page's SELECT for the list method (get_personal_access_tokens), written against
-- the columns of one token rather than the API's page envelope.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500. When the first page says there are more
-- pages, the rest are fetched concurrently (at most maxConcurrentRequests at a time).
-- token shows only the first 16 characters of each secret: the API never returns more.

-- expect: rows>0 requests=1
SELECT
id,
created,
expiry,
label,
scopes,
token
FROM linode.profile.personal_access_tokens;
