-- The five newest tokens.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500
--       X-Filter: {"+order_by":"created","+order":"desc"}
-- The server sorts; the driver stops reading once it has 5 rows (and any ties), so this costs
-- one request however many tokens there are.

-- expect: rows=5 requests=1
SELECT id, label, created
FROM linode.profile.personal_access_tokens
ORDER BY created DESC
LIMIT 5;
