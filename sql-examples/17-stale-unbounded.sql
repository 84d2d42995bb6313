-- Security review: full-access tokens older than a year that never expire, oldest first.
-- created goes to the server (X-Filter "+lt"); scopes and expiry are checked locally.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500
--       X-Filter: {"created":{"+lt":"<now minus one year>"}}

-- expect: rows>0 requests=1
SELECT id, label, created, scopes
FROM linode.profile.personal_access_tokens
WHERE created < TIMESTAMPADD(YEAR, -1, CURRENT_TIMESTAMP)
  AND expiry IS NULL
  AND scopes = '*'
ORDER BY created;
