-- Several tokens by id.
--
-- HTTP: one GET /v4/profile/tokens/{id} per listed id (here 3), sent concurrently; no list
-- request.

-- expect: rows=3 requests=3
SELECT id, label, created
FROM linode.profile.personal_access_tokens
WHERE id IN (2, 4, 7)
ORDER BY id;
