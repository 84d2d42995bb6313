-- Tokens that expire before mid-2028, soonest first, and tokens already expired.
-- expiry is not filterable in the API, so these read the whole list (no X-Filter) and
-- filter locally.
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages), for each statement.

-- expect: rows>0 requests=1
SELECT id, label, expiry
FROM linode.profile.personal_access_tokens
WHERE expiry < TIMESTAMP '2028-06-01 00:00:00'
ORDER BY expiry;

-- expect: rows>0 requests=1
SELECT id, label, expiry
FROM linode.profile.personal_access_tokens
WHERE expiry < CURRENT_TIMESTAMP;
