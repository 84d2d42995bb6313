-- Rename every token with a given label. The label goes to the server as an X-Filter; the driver
-- re-checks each row itself (the API does not document whether label matching is case-sensitive)
-- and sends one PUT per matching token, after reading them all.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 with X-Filter {"label":"monitoring"},
-- then PUT /v4/profile/tokens/{id} {"label":"monitoring-old"} per token (one in the demo data).

-- expect: count=1 requests=2 writes=1 tokens=8
UPDATE linode.profile.personal_access_tokens
SET label = 'monitoring-old'
WHERE label = 'monitoring';

-- The renamed token, read back.
-- expect: rows=1 requests=1 writes=0
SELECT id, label
FROM linode.profile.personal_access_tokens
WHERE label = 'monitoring-old';
