-- Write corpus for DmlDifferentialTest: every statement runs on H2 (the reference) and through the
-- driver against the sandbox, both starting from SampleData.adversarial(300, 11); afterwards the
-- ids and labels (UPDATE/DELETE) or the new rows' label/scopes/expiry (INSERT) must agree, and so
-- must the number of rows changed.
--
-- Markers, for the next statement:
--   -- props: k=v ...        connection properties (only statements without WHERE need any)
--   -- expect-error: STATE   both engines must refuse it; the driver with this SQLSTATE, sending
--                            no write (all values are checked before the first request)
-- INSERT statements name (label, scopes, expiry) in that order; scopes NULL means '*'.

-- Key lookups
UPDATE personal_access_tokens SET label = 'renamed' WHERE id = 7;
UPDATE personal_access_tokens SET label = 'renamed' WHERE id IN (1, 2, 3, 150, 299, 300, 301);
UPDATE personal_access_tokens SET label = 'range' WHERE id BETWEEN 40 AND 45 AND id <> 42;

-- Label equality and case variants (the server may match case-insensitively)
UPDATE personal_access_tokens SET label = 'case' WHERE label = 'deploy';
UPDATE personal_access_tokens SET label = 'case2' WHERE label = 'Deploy';
UPDATE personal_access_tokens SET label = 'upper' WHERE UPPER(label) = 'DEPLOY';
UPDATE personal_access_tokens SET label = 'istanbul' WHERE label IN ('İstanbul', 'istanbul', 'ıstanbul');
UPDATE personal_access_tokens SET label = 'ne' WHERE label <> 'deploy' AND id <= 20;
UPDATE personal_access_tokens SET label = 'quoted' WHERE label = 'it''s' OR label = 'say "hi"';
UPDATE personal_access_tokens SET label = 'json' WHERE label = '{"+or":[{"label":"x"}]}';
UPDATE personal_access_tokens SET label = 'blank' WHERE label IN (' ', '  ', ' leading', 'trailing ');

-- LIKE, with and without escapes
UPDATE personal_access_tokens SET label = 'lk' WHERE label LIKE 'deploy%';
UPDATE personal_access_tokens SET label = 'pct' WHERE label LIKE '%\%%' ESCAPE '\';
UPDATE personal_access_tokens SET label = 'us' WHERE label LIKE 'a\_b' ESCAPE '\';
UPDATE personal_access_tokens SET label = 'one' WHERE label LIKE '_';
UPDATE personal_access_tokens SET label = 'bs' WHERE label LIKE '%\%';
UPDATE personal_access_tokens SET label = 'ci' WHERE LOWER(label) LIKE '%ci%' AND label NOT LIKE 'C%';

-- Other columns
UPDATE personal_access_tokens SET label = 'created' WHERE created >= TIMESTAMP '2024-01-01 00:00:00' AND created < TIMESTAMP '2024-07-01 00:00:00';
UPDATE personal_access_tokens SET label = 'exp' WHERE expiry IS NULL AND id < 100;
UPDATE personal_access_tokens SET label = 'exp2' WHERE expiry < TIMESTAMP '2027-06-01 00:00:00';
UPDATE personal_access_tokens SET label = 'scopes' WHERE scopes = '*' AND id BETWEEN 50 AND 80;
UPDATE personal_access_tokens SET label = 'tok' WHERE token LIKE 'a%';
UPDATE personal_access_tokens SET label = 'nullfix' WHERE label IS NULL;
UPDATE personal_access_tokens SET label = 'long' WHERE CHAR_LENGTH(label) = 100;

-- Expressions and subqueries
UPDATE personal_access_tokens SET label = 'x-' || CAST(id AS VARCHAR) WHERE id IN (SELECT id FROM personal_access_tokens WHERE label LIKE 'x%');
UPDATE personal_access_tokens SET label = UPPER(label) WHERE label IN ('deploy', 'ci', 'a_b', 'café');
UPDATE personal_access_tokens SET label = 'newest' WHERE created = (SELECT MAX(created) FROM personal_access_tokens);
UPDATE personal_access_tokens t SET label = 'dup' WHERE EXISTS (SELECT 1 FROM personal_access_tokens t2 WHERE t2.label = t.label AND t2.id <> t.id) AND t.id < 60;

-- A value too long for one row: nothing may be written at all
-- expect-error: 22001
UPDATE personal_access_tokens SET label = label || '!' WHERE CHAR_LENGTH(label) >= 99;

-- No match
UPDATE personal_access_tokens SET label = 'none' WHERE label = 'no such label';

-- No WHERE
-- props: allowFullTableDml=true
UPDATE personal_access_tokens SET label = 'all';

-- DELETE
DELETE FROM personal_access_tokens WHERE id = 5;
DELETE FROM personal_access_tokens WHERE id IN (5, 6, 7, 1000);
DELETE FROM personal_access_tokens WHERE id IN (SELECT id FROM personal_access_tokens WHERE label LIKE 'x%');
DELETE FROM personal_access_tokens WHERE label = 'deploy' OR label = 'DEPLOY';
DELETE FROM personal_access_tokens WHERE label LIKE '%!%%' ESCAPE '!';
DELETE FROM personal_access_tokens WHERE label IS NULL AND expiry IS NOT NULL;
DELETE FROM personal_access_tokens WHERE id NOT IN (SELECT id FROM personal_access_tokens WHERE id > 10);
DELETE FROM personal_access_tokens WHERE created < (SELECT MIN(created) FROM personal_access_tokens WHERE label = 'x');
DELETE FROM personal_access_tokens WHERE scopes LIKE '%linodes:read_write%' AND (label LIKE 'd%' OR label LIKE 'D%');
DELETE FROM personal_access_tokens t WHERE t.label IN (SELECT label FROM personal_access_tokens GROUP BY label HAVING COUNT(*) > 2);
DELETE FROM personal_access_tokens WHERE label = 'no such label';
-- props: allowFullTableDml=true
DELETE FROM personal_access_tokens;

-- INSERT
INSERT INTO personal_access_tokens (label, scopes, expiry) VALUES ('new-1', '*', TIMESTAMP '2031-01-01 00:00:00'), (NULL, 'linodes:read_only', NULL);
INSERT INTO personal_access_tokens (label, scopes, expiry) VALUES ('日本', NULL, TIMESTAMP '2030-06-30 12:34:56'), ('it''s', 'lke:read_write vpc:read_only', NULL);
INSERT INTO personal_access_tokens (label, scopes, expiry) SELECT 'copy ' || label, scopes, TIMESTAMP '2032-02-02 02:02:02' FROM personal_access_tokens WHERE label LIKE 'deploy%' AND CHAR_LENGTH(label) < 90;
INSERT INTO personal_access_tokens (label, scopes, expiry) SELECT label, scopes, expiry FROM personal_access_tokens WHERE id IN (1, 2, 3, 4) AND (expiry IS NULL OR expiry > TIMESTAMP '2027-01-01 00:00:00');
INSERT INTO personal_access_tokens (label, scopes, expiry) SELECT UPPER(label), '*', NULL FROM personal_access_tokens WHERE label IN ('ci', 'Ci', 'CI', 'x', 'X');
-- expect-error: 22001
INSERT INTO personal_access_tokens (label, scopes, expiry) SELECT label || '?', scopes, NULL FROM personal_access_tokens WHERE CHAR_LENGTH(label) >= 99;
