-- Security review: tokens with full access ("*") or any read_write scope.
-- scopes is not filterable, so the whole list is read and filtered locally.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages).

-- expect: rows>0 requests=1
SELECT id, label, scopes, expiry
FROM linode.profile.personal_access_tokens
WHERE scopes = '*'
   OR scopes LIKE '%read_write%'
ORDER BY id;
