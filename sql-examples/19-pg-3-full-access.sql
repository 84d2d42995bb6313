-- Tokens with full access ('*'), and tokens whose label mentions "linode" in any case (ILIKE).
-- scopes is not filterable in the API, and ILIKE is evaluated locally too: the API does not
-- document its case rules, so a case-insensitive pattern cannot be sent as a pre-filter.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages), for each statement.

-- expect: rows=4 requests=1
SELECT id, label, created::date AS created_on
FROM personal_access_tokens
WHERE scopes = '*'
ORDER BY created;

-- expect: rows=2 requests=1
SELECT id, label
FROM personal_access_tokens
WHERE label ILIKE '%LINODE%';
