-- Labels matching a pattern.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500
--       X-Filter: {"label":{"+contains":"deploy"}}
-- "+contains" is only a pre-filter: the driver applies the exact LIKE itself, so wildcards,
-- case and NULL labels behave as in SQL.

-- expect: rows>0 requests=1
SELECT id, label, created
FROM linode.profile.personal_access_tokens
WHERE label LIKE '%deploy%';
