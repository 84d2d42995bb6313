-- Create a token (the seed page's INSERT, StackQL spelling: data__ columns, SELECT, RETURNING).
-- The full secret is in the `token` column of this one answer and never shown again: keep it.
-- An omitted or NULL column is left out of the request (scopes: same as the acting token;
-- expiry: never).
--
-- HTTP: POST /v4/profile/tokens {"expiry":"2030-01-01T00:00:00","label":"deploy-bot","scopes":"linodes:read_only"}
-- (nothing is sent if a value is invalid: label 1..100 characters, known scopes, expiry in the future).

-- expect: rows=1 requests=1 writes=1 tokens=9
INSERT INTO linode.profile.personal_access_tokens (
data__expiry,
data__label,
data__scopes
)
SELECT
'2030-01-01T00:00:00',
'deploy-bot',
'linodes:read_only'
RETURNING
id,
created,
expiry,
label,
scopes,
token
;
