-- EXPLAIN PLAN FOR shows the HTTP requests a query will make, without making any.
-- Look at the LinodeTableScan line: "request" is the endpoint and page size, "xFilter" the
-- X-Filter header sent, "order" a server-side ordering, "stopAfter" an early stop.
--
-- HTTP: none (planning only).

-- A filtered query: label and created go to the server in one X-Filter.
-- expect: rows>0 requests=0 plan~xFilter plan~+gte
EXPLAIN PLAN FOR
SELECT id, label
FROM linode.profile.personal_access_tokens
WHERE label = 'ci-deploy'
  AND created >= TIMESTAMP '2024-01-01 00:00:00';

-- Key lookups: one GET per id.
-- expect: rows>0 requests=0 plan~/profile/tokens/{id}
EXPLAIN PLAN FOR
SELECT id, label
FROM linode.profile.personal_access_tokens
WHERE id IN (2, 4, 7);
