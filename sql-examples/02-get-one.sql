-- Get one token by id.
-- The seed page's single-token method (get_personal_access_token): in SQL the id goes in WHERE.
--
-- HTTP: GET /v4/profile/tokens/3 (one request, whatever the number of tokens).

-- expect: rows=1 requests=1
SELECT
id,
created,
expiry,
label,
scopes,
token
FROM linode.profile.personal_access_tokens
WHERE id = 3;
