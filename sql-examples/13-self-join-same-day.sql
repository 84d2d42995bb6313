-- A self-join: for each token, the other tokens created on the same (UTC) day.
-- A LEFT JOIN keeps tokens that have none (others_same_day = 0).
--
-- HTTP: GET /v4/profile/tokens?page=1&page_size=500 (all pages), once: both sides of the join
-- read the same rows, so the driver reads the list once and replays it.

-- expect: rows>0 requests=1
SELECT a.id,
       a.label,
       CAST(a.created AS DATE) AS created_on,
       COUNT(b.id) AS others_same_day
FROM linode.profile.personal_access_tokens AS a
LEFT JOIN linode.profile.personal_access_tokens AS b
  ON CAST(b.created AS DATE) = CAST(a.created AS DATE)
 AND b.id <> a.id
GROUP BY a.id, a.label, CAST(a.created AS DATE)
ORDER BY created_on;
