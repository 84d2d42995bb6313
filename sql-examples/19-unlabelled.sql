-- Tokens without a label (old tokens may have none), and the label or a placeholder.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages): a NULL label cannot be
-- expressed in X-Filter, so IS NULL is checked locally.

-- expect: rows>0 requests=1
SELECT id, created, scopes
FROM linode.profile.personal_access_tokens
WHERE label IS NULL;

-- expect: rows>0 requests=1
SELECT id, COALESCE(label, '(no label)') AS label
FROM linode.profile.personal_access_tokens
ORDER BY id;
