-- Tokens created per month of 2024, with the months that saw none: generate_series over time
-- stamps (a table function in FROM) joined to the tokens.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages); the series and the join are
-- local.

-- expect: rows=12 requests=1
SELECT m AS month, count(t.id) AS tokens
FROM generate_series('2024-01-01'::timestamp, '2024-12-01', interval '1 month') AS m
LEFT JOIN personal_access_tokens t ON date_trunc('month', t.created) = m
GROUP BY m
ORDER BY m;
