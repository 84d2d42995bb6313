-- Tokens created per month, with date_trunc (PostgreSQL's argument order) and GROUP BY on the
-- output column's name.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages); grouping is local.

-- expect: rows=8 requests=1
SELECT date_trunc('month', created) AS created_month, count(*) AS tokens
FROM personal_access_tokens
GROUP BY created_month
ORDER BY created_month;
