-- How many tokens can reach each scope area ("*" counts as its own area here): the scope list
-- split into its parts with string_to_array and unnest, the area taken with split_part.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages); the rest is local.

-- expect: rows>0 requests=1
SELECT split_part(one_scope, ':', 1) AS area, count(*) AS tokens
FROM personal_access_tokens, unnest(string_to_array(scopes, ' ')) AS s(one_scope)
GROUP BY 1
ORDER BY 2 DESC, 1;
