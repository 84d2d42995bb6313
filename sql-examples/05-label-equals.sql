-- Tokens with a given label, and with any of several labels.
-- label is filterable, so the server does the filtering.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500
--       X-Filter: {"label":"terraform"}
--   and X-Filter: {"+or":[{"label":"monitoring"},{"label":"terraform"}]}
-- The driver re-checks the SQL predicate on what comes back (the API does not document whether
-- label matching is case-sensitive), so the result is exactly what SQL = means.

-- expect: rows=1 requests=1
SELECT id, label, scopes
FROM linode.profile.personal_access_tokens
WHERE label = 'terraform';

-- expect: rows=2 requests=1
SELECT id, label, scopes
FROM linode.profile.personal_access_tokens
WHERE label IN ('terraform', 'monitoring')
ORDER BY id;
