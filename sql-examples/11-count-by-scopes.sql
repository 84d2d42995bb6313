-- How many tokens have each scope set ("*" is full access).
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages); grouping is local.

-- expect: rows>0 requests=1
SELECT scopes, COUNT(*) AS tokens
FROM linode.profile.personal_access_tokens
GROUP BY scopes
ORDER BY tokens DESC, scopes;
