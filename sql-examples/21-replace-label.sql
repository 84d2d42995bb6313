-- Rename a token (the seed page's REPLACE, i.e. PUT). Only the label can change; scopes and
-- expiry are fixed when a token is created. RETURNING shows the token as the API answered the PUT.
--
-- HTTP: GET /v4/profile/tokens/2 (find the row), then PUT /v4/profile/tokens/2 {"label":"ci-deploy-2024"}.

-- expect: rows=1 requests=2 writes=1 tokens=8
REPLACE linode.profile.personal_access_tokens
SET
data__label = 'ci-deploy-2024'
WHERE tokenId = 2
RETURNING
id,
created,
expiry,
label,
scopes,
token;
