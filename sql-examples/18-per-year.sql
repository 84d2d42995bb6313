-- Tokens created per year.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages); grouping is local.

-- expect: rows>0 requests=1
SELECT EXTRACT(YEAR FROM created) AS created_year,
       COUNT(*) AS tokens
FROM linode.profile.personal_access_tokens
GROUP BY EXTRACT(YEAR FROM created)
ORDER BY created_year;
