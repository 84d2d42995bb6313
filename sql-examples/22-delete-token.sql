-- Revoke a token (the seed page's DELETE). Revocation is immediate and cannot be undone.
-- The driver refuses to revoke the token it is itself using (allowRevokeSelf=false), and a
-- DELETE without WHERE (allowFullTableDml=false).
--
-- HTTP: GET /v4/profile/tokens/6 (find the row), then DELETE /v4/profile/tokens/6.

-- expect: count=1 requests=2 writes=1 tokens=7
DELETE FROM linode.profile.personal_access_tokens
WHERE tokenId = 6;
