-- Window functions: number the tokens of each scope set by age, then keep the newest of each.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages), once per statement.

-- expect: rows>0 requests=1
SELECT scopes, id, label, created,
       ROW_NUMBER() OVER (PARTITION BY scopes ORDER BY created) AS nth_oldest
FROM linode.profile.personal_access_tokens
ORDER BY scopes, nth_oldest;

-- expect: rows>0 requests=1
SELECT scopes, id, label, created
FROM (
  SELECT t.*, ROW_NUMBER() OVER (PARTITION BY scopes ORDER BY created DESC) AS rn
  FROM linode.profile.personal_access_tokens AS t
) AS ranked
WHERE rn = 1
ORDER BY created DESC;
