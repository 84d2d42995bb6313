-- Tokens created in 2024 (a half-open range on created).
-- created is filterable; timestamps are UTC.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500
--       X-Filter: {"+and":[{"created":{"+gte":"2024-01-01T00:00:00"}},
--                          {"created":{"+lt":"2025-01-01T00:00:00"}}]}

-- expect: rows>0 requests=1
SELECT id, label, created
FROM linode.profile.personal_access_tokens
WHERE created >= TIMESTAMP '2024-01-01 00:00:00'
  AND created <  TIMESTAMP '2025-01-01 00:00:00'
ORDER BY created;
