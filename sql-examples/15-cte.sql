-- A CTE (WITH): tokens still usable now (no expiry, or expiry in the future), by scope set.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages; expiry is not filterable).

-- expect: rows>0 requests=1
WITH live AS (
  SELECT *
  FROM linode.profile.personal_access_tokens
  WHERE expiry IS NULL OR expiry > CURRENT_TIMESTAMP
)
SELECT scopes,
       COUNT(*) AS live_tokens,
       MIN(created) AS oldest
FROM live
GROUP BY scopes
ORDER BY live_tokens DESC, scopes;
