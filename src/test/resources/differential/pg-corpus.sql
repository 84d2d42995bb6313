-- PostgreSQL-dialect differential corpus: every query runs on a real PostgreSQL
-- (PostgresOracle) and through the driver against the sandbox, in both LabelMatching modes;
-- rows and column names must be identical. Same format as read-corpus.sql ('-- @ordered' before
-- a query whose ORDER BY is total compares rows in order). Data: DifferentialTest.TOKENS.

-- ===== ILIKE, NOT ILIKE =====
SELECT id, label FROM personal_access_tokens WHERE label ILIKE '%ci%';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE 'deploy';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE 'DEP%';
SELECT id, label FROM personal_access_tokens WHERE label NOT ILIKE '%e%';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE '%-%';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE '%2%';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE '\%%';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE '%\_%';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE '_';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE '%straße%';
SELECT id, label FROM personal_access_tokens WHERE label ILIKE 'caf_';
SELECT COUNT(*) AS n FROM personal_access_tokens WHERE label ILIKE '%a%' AND label NOT LIKE '%a%';

-- ===== LIKE with PostgreSQL's default escape (backslash) =====
SELECT id, label FROM personal_access_tokens WHERE label LIKE '%\%%';
SELECT id, label FROM personal_access_tokens WHERE label LIKE '%\_%';
SELECT id, label FROM personal_access_tokens WHERE label LIKE '%\\%';
SELECT id, label FROM personal_access_tokens WHERE label LIKE '%!%%' ESCAPE '!';
SELECT id, label FROM personal_access_tokens WHERE label NOT LIKE '%e%' AND id < 100;
SELECT id, label FROM personal_access_tokens WHERE label LIKE 'deploy%';

-- ===== regular expressions =====
SELECT id, label FROM personal_access_tokens WHERE label ~ '^[a-z]+$';
SELECT id, label FROM personal_access_tokens WHERE label ~* '^dep';
SELECT id, label FROM personal_access_tokens WHERE label !~ '[aeiou]';
SELECT id, label FROM personal_access_tokens WHERE label !~* '[AEIOU]';
SELECT id, label FROM personal_access_tokens WHERE label ~ '\d';
SELECT id, scopes FROM personal_access_tokens WHERE scopes ~ 'linodes:read_write';
SELECT COUNT(*) AS n FROM personal_access_tokens WHERE scopes ~ '^\*$';
SELECT id, label FROM personal_access_tokens WHERE label ~ 'o{2}';
SELECT id, label FROM personal_access_tokens WHERE label ~ '^.{100}$';

-- ===== :: casts with PostgreSQL type names =====
SELECT id, created::date AS day FROM personal_access_tokens WHERE id < 20;
SELECT created::date AS day, COUNT(*) AS n FROM personal_access_tokens GROUP BY 1;
SELECT id::text AS t FROM personal_access_tokens WHERE id < 10;
SELECT id::bigint + 1 AS next FROM personal_access_tokens WHERE id < 10;
SELECT id::int8 AS i FROM personal_access_tokens WHERE id < 5;
SELECT id::int4 AS i FROM personal_access_tokens WHERE id < 5;
SELECT id::numeric / 4 AS q FROM personal_access_tokens WHERE id < 9;
SELECT '42'::int + id AS s FROM personal_access_tokens WHERE id < 5;
SELECT id FROM personal_access_tokens WHERE id = '7'::integer;
SELECT id, created::timestamp AS c FROM personal_access_tokens WHERE id < 5;
SELECT id, created::timestamptz::timestamp AS c FROM personal_access_tokens WHERE id < 5;
SELECT id, (id > 600)::boolean AS big FROM personal_access_tokens WHERE id IN (1, 700);
SELECT id, label::varchar(5) AS short FROM personal_access_tokens WHERE id < 30;
SELECT CAST(id AS text) AS t, CAST(created AS date) AS d FROM personal_access_tokens WHERE id < 5;
SELECT id FROM personal_access_tokens WHERE created::date = '2015-05-05';
SELECT id FROM personal_access_tokens WHERE created::date = DATE '2015-05-05';

-- ===== string literals compared with TIMESTAMP columns, every ISO form =====
SELECT id FROM personal_access_tokens WHERE created >= '2024-01-01';
SELECT id FROM personal_access_tokens WHERE created >= '2024-01-01 00:00:00';
SELECT id FROM personal_access_tokens WHERE created >= '2024-01-01T00:00:00';
SELECT id FROM personal_access_tokens WHERE created >= '2024-01-01T00:00:00Z';
SELECT id FROM personal_access_tokens WHERE created >= '2024-01-01T02:00:00+02:00';
SELECT id FROM personal_access_tokens WHERE created > '2015-05-05 02:25:14.5';
SELECT id FROM personal_access_tokens WHERE created = '2015-05-05T02:25:15';
SELECT id FROM personal_access_tokens WHERE created BETWEEN '2019-01-01' AND '2019-12-31T23:59:59';
SELECT id FROM personal_access_tokens WHERE created < '2016-01-01 00:00' AND label IS NOT NULL;
SELECT id FROM personal_access_tokens WHERE expiry < '2020-01-01T00:00:00Z';
SELECT id FROM personal_access_tokens WHERE created IN ('2015-05-05 02:25:15', '2023-04-26T13:47:22');

-- ===== intervals and now() =====
SELECT id FROM personal_access_tokens WHERE expiry < now();
SELECT id FROM personal_access_tokens WHERE expiry < NOW();
SELECT id FROM personal_access_tokens WHERE expiry >= now();
SELECT id FROM personal_access_tokens WHERE expiry < now() + interval '30 days';
SELECT id FROM personal_access_tokens WHERE expiry BETWEEN now() AND now() + interval '1 year';
SELECT id FROM personal_access_tokens WHERE created > now() - interval '7 days';
SELECT id FROM personal_access_tokens WHERE created > now() - interval '2 years';
SELECT id FROM personal_access_tokens WHERE created > now() - interval '1 year 2 mons';
SELECT id FROM personal_access_tokens WHERE created + interval '2 hours' > '2024-01-01';
SELECT id, created + interval '1 day' AS next FROM personal_access_tokens WHERE id < 10;
SELECT id, created - interval '90 minutes' AS earlier FROM personal_access_tokens WHERE id < 10;
SELECT id, created + interval '1 month' AS m FROM personal_access_tokens WHERE id < 30;
SELECT id, created + interval '1 year 2 mons' AS m FROM personal_access_tokens WHERE id < 30;
SELECT id, created + interval '3 weeks' AS w FROM personal_access_tokens WHERE id < 10;
SELECT id, created + '10 seconds'::interval AS s FROM personal_access_tokens WHERE id < 10;
SELECT id, created + interval '1 day 02:00:00' AS s FROM personal_access_tokens WHERE id < 10;
SELECT id, created + interval '1 month 2 days' AS s FROM personal_access_tokens WHERE id < 10;
SELECT id, created - interval '1 year 1 day' AS s FROM personal_access_tokens WHERE id < 10;
SELECT id FROM personal_access_tokens WHERE expiry < current_timestamp;
SELECT id FROM personal_access_tokens WHERE expiry < localtimestamp;
SELECT id FROM personal_access_tokens WHERE expiry::date < current_date;
SELECT COUNT(*) AS expired FROM personal_access_tokens WHERE expiry IS NOT NULL AND expiry < now();

-- ===== date_trunc, date_part, extract =====
SELECT date_trunc('month', created) AS m, COUNT(*) AS n FROM personal_access_tokens GROUP BY m;
SELECT date_trunc('year', created) AS y, COUNT(*) AS n FROM personal_access_tokens GROUP BY 1;
SELECT id, date_trunc('day', created) AS d FROM personal_access_tokens WHERE id < 20;
SELECT id, date_trunc('hour', created) AS h FROM personal_access_tokens WHERE id < 20;
SELECT id, date_trunc('minute', created) AS h FROM personal_access_tokens WHERE id < 20;
SELECT id, date_trunc('quarter', created) AS q FROM personal_access_tokens WHERE id < 20;
SELECT id, date_trunc('week', created) AS w FROM personal_access_tokens WHERE id < 40;
SELECT id, date_trunc('decade', created) AS w FROM personal_access_tokens WHERE id < 10;
SELECT id, date_trunc('MONTH', created) AS m FROM personal_access_tokens WHERE id < 10;
SELECT id, extract(dow from created) AS dow FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(isodow from created) AS dow FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(doy from created) AS doy FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(year from created) AS y, extract(month from created) AS m FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(day from created) AS d, extract(hour from created) AS h FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(minute from created) AS mi, extract(second from created) AS s FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(epoch from created) AS e FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(quarter from created) AS q FROM personal_access_tokens WHERE id < 40;
SELECT id, extract(week from created) AS w FROM personal_access_tokens WHERE id < 40;
SELECT id, date_part('dow', created) AS dow FROM personal_access_tokens WHERE id < 40;
SELECT id, date_part('year', created) AS y FROM personal_access_tokens WHERE id < 40;
SELECT id, date_part('epoch', created)::bigint AS e FROM personal_access_tokens WHERE id < 40;
SELECT extract(dow from created) AS dow, COUNT(*) AS n FROM personal_access_tokens GROUP BY 1;
SELECT extract(year from created) AS y, COUNT(*) AS n FROM personal_access_tokens GROUP BY y HAVING COUNT(*) > 50;

-- ===== string functions =====
SELECT id, length(label) AS l FROM personal_access_tokens;
SELECT id, char_length(label) AS l FROM personal_access_tokens;
SELECT id, character_length(label) AS l FROM personal_access_tokens;
SELECT id, lower(label) AS l FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, upper(label) AS u FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, initcap(label) AS i FROM personal_access_tokens WHERE label ~ '^[a-z ]*$';
SELECT id, strpos(label, 'e') AS p FROM personal_access_tokens;
SELECT id, position('e' in label) AS p FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, substr(label, 2, 3) AS s FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, substr(label, 3) AS s FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, substring(label from 2 for 3) AS s FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, left(label, 3) AS l FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, right(label, 2) AS r FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, split_part(scopes, ':', 1) AS area FROM personal_access_tokens;
SELECT id, split_part(scopes, ' ', 2) AS second FROM personal_access_tokens;
SELECT id, replace(label, 'e', 'E') AS r FROM personal_access_tokens;
SELECT id, regexp_replace(label, '[aeiou]', '_') AS r FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, regexp_replace(label, '[aeiou]', '_', 'g') AS r FROM personal_access_tokens WHERE label ~ '^[ -~]*$';
SELECT id, concat(label, '-', id) AS c FROM personal_access_tokens;
SELECT id, concat_ws('/', label, scopes) AS c FROM personal_access_tokens;
SELECT id, label || '!' AS c FROM personal_access_tokens;
SELECT id, coalesce(label, '(none)') AS l FROM personal_access_tokens;
SELECT id, nullif(label, 'deploy') AS l FROM personal_access_tokens;
SELECT id, greatest(id, 600) AS g, least(id, 600) AS l FROM personal_access_tokens WHERE id % 100 = 0;
SELECT id, trim(label) AS t FROM personal_access_tokens WHERE label LIKE '% ' OR label LIKE ' %';
SELECT id, lpad(label, 10, '*') AS p FROM personal_access_tokens WHERE label ~ '^[ -~]{1,10}$';
SELECT id, rpad(label, 10, '.') AS p FROM personal_access_tokens WHERE label ~ '^[ -~]{1,10}$';
SELECT id, repeat(label, 2) AS r FROM personal_access_tokens WHERE id < 10;
SELECT id, starts_with(label, 'dep') AS s FROM personal_access_tokens WHERE id < 40;
SELECT id, md5(label) AS h FROM personal_access_tokens WHERE id < 40;
SELECT id, label FROM personal_access_tokens WHERE length(label) > 50;
SELECT id, label FROM personal_access_tokens WHERE char_length(label) = 1;

-- ===== aggregates =====
SELECT COUNT(*) FROM personal_access_tokens;
SELECT count(label) FROM personal_access_tokens;
SELECT max(id), min(created) AS first FROM personal_access_tokens;
SELECT scopes, COUNT(*) FROM personal_access_tokens GROUP BY scopes;
SELECT count(*) FILTER (WHERE label IS NULL) AS unlabelled, count(*) FILTER (WHERE expiry IS NULL) AS forever FROM personal_access_tokens;
SELECT bool_and(id > 0) AS all_positive, bool_or(label = 'deploy') AS any_deploy FROM personal_access_tokens;
SELECT scopes = '*' AS everything, bool_or(expiry IS NULL) AS some_forever FROM personal_access_tokens GROUP BY 1;
SELECT split_part(scopes, ':', 1) AS area, COUNT(*) AS n FROM personal_access_tokens WHERE scopes <> '*' GROUP BY 1;
SELECT avg(id) AS a, sum(id) AS s FROM personal_access_tokens;
SELECT COUNT(DISTINCT scopes) AS kinds FROM personal_access_tokens;
SELECT date_trunc('year', created) AS y, max(expiry) AS latest FROM personal_access_tokens GROUP BY 1;
SELECT label, COUNT(*) AS n FROM personal_access_tokens GROUP BY label HAVING COUNT(*) > 1;
SELECT string_agg(label, ',' ORDER BY label) AS labels FROM personal_access_tokens WHERE id < 10 AND label IS NOT NULL;

-- ===== GROUP BY ordinal and alias, HAVING =====
SELECT extract(year from created) AS y, COUNT(*) AS n FROM personal_access_tokens GROUP BY 1 HAVING COUNT(*) > 10;
SELECT scopes AS s, COUNT(*) AS n FROM personal_access_tokens GROUP BY s;
SELECT label IS NULL AS unlabelled, COUNT(*) AS n FROM personal_access_tokens GROUP BY 1;
SELECT expiry IS NULL AS forever, count(*) AS n FROM personal_access_tokens GROUP BY forever;
SELECT created::date AS day, COUNT(*) AS n FROM personal_access_tokens GROUP BY 1 HAVING COUNT(*) >= 5;

-- ===== column names as PostgreSQL gives them =====
SELECT max(id) FROM personal_access_tokens;
SELECT id + 1 FROM personal_access_tokens WHERE id < 3;
SELECT 2;
SELECT count(*), count(label) FROM personal_access_tokens;
SELECT 'x';
SELECT id::text FROM personal_access_tokens WHERE id < 3;
SELECT 7::int;
SELECT 'a'::text;
SELECT created::date FROM personal_access_tokens WHERE id < 3;
SELECT CASE WHEN id > 2 THEN 'big' ELSE 'small' END FROM personal_access_tokens WHERE id < 5;
SELECT coalesce(label, 'x') FROM personal_access_tokens WHERE id < 3;
SELECT date_trunc('month', created) FROM personal_access_tokens WHERE id < 3;
SELECT extract(year from created) FROM personal_access_tokens WHERE id < 3;
SELECT upper(label), count(*) FROM personal_access_tokens WHERE id < 5 GROUP BY 1;
SELECT (SELECT max(id) FROM personal_access_tokens);
SELECT EXISTS (SELECT 1 FROM personal_access_tokens WHERE id = 5);
SELECT strpos(label, 'e') FROM personal_access_tokens WHERE id < 4;
SELECT DATE '2024-01-01';
SELECT TIMESTAMP '2024-01-01 10:00:00';

-- ===== LIMIT / OFFSET / FETCH, DISTINCT, IS DISTINCT FROM =====
-- @ordered
SELECT id, created FROM personal_access_tokens ORDER BY created DESC, id LIMIT 5 OFFSET 10;
-- @ordered
SELECT id, created FROM personal_access_tokens ORDER BY created, id OFFSET 3 LIMIT 4;
-- @ordered
SELECT id FROM personal_access_tokens ORDER BY id FETCH FIRST 3 ROWS ONLY;
-- @ordered
SELECT id FROM personal_access_tokens ORDER BY id OFFSET 5 ROWS FETCH NEXT 2 ROWS ONLY;
SELECT DISTINCT scopes FROM personal_access_tokens;
SELECT id FROM personal_access_tokens WHERE label IS DISTINCT FROM 'deploy' AND id < 20;
SELECT id FROM personal_access_tokens WHERE label IS NOT DISTINCT FROM NULL;
SELECT id FROM personal_access_tokens WHERE expiry IS NOT DISTINCT FROM created;
-- @ordered
SELECT id, label FROM personal_access_tokens WHERE id < 40 ORDER BY label NULLS FIRST, id;
-- @ordered
SELECT id, expiry FROM personal_access_tokens WHERE id < 60 ORDER BY expiry, id;
-- @ordered
SELECT id, expiry FROM personal_access_tokens WHERE id < 60 ORDER BY expiry DESC, id;
-- @ordered
SELECT id, expiry FROM personal_access_tokens WHERE id < 60 ORDER BY expiry DESC NULLS LAST, id;

-- ===== ANY / ARRAY, E'' strings, $$ strings, OPERATOR(), COLLATE =====
SELECT id FROM personal_access_tokens WHERE id = ANY(ARRAY[1, 2, 3, 99999]);
SELECT id, label FROM personal_access_tokens WHERE label = E'it\'s';
SELECT id, label FROM personal_access_tokens WHERE label LIKE E'%\\\\%';
SELECT id, label FROM personal_access_tokens WHERE label = $$it's$$;
SELECT id FROM personal_access_tokens WHERE id OPERATOR(pg_catalog.=) 5;
SELECT id, label FROM personal_access_tokens WHERE label OPERATOR(pg_catalog.~) '^dep';
SELECT label COLLATE pg_catalog."default" AS l FROM personal_access_tokens WHERE id < 5;
SELECT id, label FROM personal_access_tokens WHERE id != 5 AND id < 8;

-- ===== subqueries, joins, CTEs, windows with the dialect =====
SELECT t.id, u.id AS other FROM personal_access_tokens t JOIN personal_access_tokens u ON lower(u.label) = lower(t.label) AND u.id <> t.id WHERE t.id < 50 AND t.label ~ '^[ -~]*$' AND u.label ~ '^[ -~]*$';
WITH recent AS (SELECT id, created FROM personal_access_tokens WHERE created > '2024-01-01T00:00:00Z') SELECT COUNT(*) AS n FROM recent;
SELECT id, row_number() OVER (PARTITION BY date_trunc('year', created) ORDER BY created, id) AS rn FROM personal_access_tokens WHERE id < 100;
SELECT id FROM personal_access_tokens WHERE created = (SELECT max(created) FROM personal_access_tokens WHERE label ILIKE '%deploy%');
SELECT id FROM personal_access_tokens WHERE label ILIKE 'o''brien%';

-- ===== words Calcite reserves, as names and labels (PostgreSQL takes them) =====
SELECT id AS one, label AS default, scopes AS value, created::date AS day FROM personal_access_tokens WHERE id < 4;
SELECT value, day FROM (SELECT id AS value, created AS day FROM personal_access_tokens) t WHERE value < 4 AND day > '2000-01-01';
SELECT result.value FROM (SELECT id AS value FROM personal_access_tokens) result WHERE result.value > 2 ORDER BY value;
SELECT count FROM (SELECT count(*) FROM personal_access_tokens) s;
SELECT id, (SELECT max(id) FROM personal_access_tokens) result FROM personal_access_tokens WHERE id < 3;
-- @ordered
SELECT (ARRAY[label, scopes])[2] AS s, (ARRAY['a', 'b', 'c'])[id] FROM personal_access_tokens WHERE id < 4 ORDER BY id;
SELECT (current_schemas(true))[1];

-- ===== generate_series (a table function in FROM) =====
SELECT * FROM generate_series(1, 5);
SELECT g FROM generate_series(1, 10, 3) AS g;
SELECT g FROM generate_series(5, 1, -2) g;
SELECT count(*) AS n FROM generate_series(3, 1);
SELECT * FROM generate_series(1, array_upper(ARRAY[1,2], 1));
SELECT g FROM generate_series(1, array_length(ARRAY['a','b','c'], 1)) AS g;
SELECT g FROM generate_series(cardinality(ARRAY[1,2]), cardinality(ARRAY[1,2,3,4,5])) AS g;
SELECT generate_series(1, cardinality(ARRAY[7,8,9])) AS g;
SELECT g, count(t.id) AS n FROM generate_series(1, 10) AS g LEFT JOIN personal_access_tokens t ON t.id = g GROUP BY g;
SELECT * FROM generate_series(TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-03', interval '1 day');
SELECT d FROM generate_series('2024-01-31'::timestamp, '2024-06-01', interval '1 month') AS d;
SELECT d FROM generate_series('2024-01-01 00:00:00'::timestamp, '2024-01-01 03:00:00', interval '90 minutes') AS d;
SELECT d FROM generate_series('2024-03-01'::timestamp, '2024-01-01', interval '-1 month') AS d;
SELECT m, count(t.id) AS n FROM generate_series('2019-01-01'::timestamp, '2025-01-01', interval '1 year') AS m LEFT JOIN personal_access_tokens t ON date_trunc('year', t.created) = m GROUP BY m;

-- ===== set-returning functions in a select list (a lateral join here) =====
SELECT unnest(ARRAY[3, 1, 2]) AS v;
SELECT unnest(ARRAY[10, 20]);
SELECT id, unnest(ARRAY[id, id * 10]) AS v FROM personal_access_tokens WHERE id < 3;
SELECT unnest(ARRAY[7, 8, 9]) AS v, generate_subscripts(ARRAY[7, 8, 9], 1) AS i;
SELECT count(*) AS n FROM (SELECT unnest(ARRAY[id, id]) AS v FROM personal_access_tokens) q;
SELECT generate_series(1, 3);
SELECT generate_series(1, 3) AS g, generate_series(1, 3) * 2 AS h;
SELECT id, generate_series(1, id) AS g FROM personal_access_tokens WHERE id < 4;
SELECT generate_series('2024-01-01'::timestamp, '2024-01-03', interval '1 day') AS d;
SELECT 1 AS a, NULL, NULL UNION SELECT 2, NULL, NULL ORDER BY 1;
SELECT NULL, label, NULL FROM personal_access_tokens WHERE id = 1 UNION SELECT NULL, label, NULL FROM personal_access_tokens WHERE id < 3 ORDER BY 2;

-- ===== make_interval, to_timestamp, age =====
SELECT TIMESTAMP '2024-01-31 00:00:00' + make_interval(days => 3) AS a, TIMESTAMP '2024-01-31 00:00:00' + make_interval(months => 1) AS b;
SELECT TIMESTAMP '2024-01-01 00:00:00' + make_interval(1, 2, 1, 1, 1, 1, 1) AS t;
SELECT id FROM personal_access_tokens WHERE created > TIMESTAMP '2024-06-01 00:00:00' - make_interval(years => 1, hours => 2);
SELECT to_timestamp(1700000000)::timestamp AS t, to_timestamp(0)::timestamp AS z;
SELECT id FROM personal_access_tokens WHERE created < to_timestamp(1700000000);
SELECT age(TIMESTAMP '2024-03-01', TIMESTAMP '2023-01-15 10:00:00') AS a, age(TIMESTAMP '2023-01-15', TIMESTAMP '2024-03-01 10:00:00') AS b;
SELECT age(TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-01') AS zero, age(TIMESTAMP '2024-03-31', TIMESTAMP '2024-02-29') AS leap;
SELECT id, age(expiry, created) AS lifetime FROM personal_access_tokens WHERE expiry IS NOT NULL;
SELECT id, age(created, TIMESTAMP '2020-02-29 12:30:45') AS since FROM personal_access_tokens;

-- ===== substr, substring, left, right count code points =====
SELECT substr('😀abc', 2, 2) AS a, left('😀abc', 2) AS b, right('ab😀', 1) AS c, substring('😀abc' from 2 for 2) AS d;
SELECT substr('abc', 0, 2) AS a, left('abcd', -1) AS b, right('abcd', -1) AS c, substr('abc', 2) AS d, substr('abc', 5) AS e;
SELECT id, left(label, 3) AS l, right(label, 2) AS r, substr(label, 2, 3) AS s FROM personal_access_tokens;
SELECT id, substring(label, 2) AS s, left(label, -2) AS l FROM personal_access_tokens WHERE label IS NOT NULL;

-- ===== avg of exact numbers is a numeric =====
SELECT avg(id) AS a FROM personal_access_tokens;
SELECT avg(id) FILTER (WHERE id > 2) AS f, avg(DISTINCT id % 3) AS d FROM personal_access_tokens;
SELECT id, avg(id) OVER (ORDER BY id) AS running FROM personal_access_tokens;
SELECT avg(id) AS none FROM personal_access_tokens WHERE id < 0;
SELECT scopes, avg(length(label)) AS l, avg(id::float) AS f FROM personal_access_tokens GROUP BY scopes;

-- ===== DISTINCT ON (a window query underneath) =====
SELECT DISTINCT ON (scopes) scopes, id FROM personal_access_tokens ORDER BY scopes, id DESC;
SELECT DISTINCT ON (1) scopes AS s, label FROM personal_access_tokens ORDER BY 1, created, id;
SELECT DISTINCT ON (date_trunc('year', created)) date_trunc('year', created) AS y, id FROM personal_access_tokens ORDER BY date_trunc('year', created), expiry NULLS FIRST, id;
SELECT DISTINCT ON (scopes) scopes, count(*) AS n FROM personal_access_tokens GROUP BY scopes, label ORDER BY scopes, n DESC, label;
SELECT DISTINCT ON (expiry IS NULL) expiry IS NULL AS never, label FROM personal_access_tokens ORDER BY expiry IS NULL, created DESC, id DESC;
SELECT DISTINCT ON (scopes) scopes, id FROM personal_access_tokens ORDER BY scopes, id LIMIT 2 OFFSET 1;
SELECT count(*) AS n FROM (SELECT DISTINCT ON (scopes) scopes, id FROM personal_access_tokens ORDER BY scopes, id) t;

-- ===== percentile_cont / percentile_disc WITHIN GROUP =====
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY id) AS median FROM personal_access_tokens;
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY id) AS q1, percentile_disc(0.25) WITHIN GROUP (ORDER BY id) AS d1 FROM personal_access_tokens;
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY id DESC) AS p, percentile_disc(0.9) WITHIN GROUP (ORDER BY id DESC) AS d FROM personal_access_tokens;
SELECT scopes, percentile_cont(0.5) WITHIN GROUP (ORDER BY length(label)) AS m FROM personal_access_tokens GROUP BY scopes;
SELECT percentile_disc(0) WITHIN GROUP (ORDER BY id) AS lo, percentile_disc(1) WITHIN GROUP (ORDER BY id) AS hi, percentile_cont(1) WITHIN GROUP (ORDER BY id) AS c FROM personal_access_tokens;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY id) AS none FROM personal_access_tokens WHERE id < 0;

-- ===== LIKE: a backslash before any character takes it literally =====
SELECT id, label FROM personal_access_tokens WHERE label LIKE '%\U%';
SELECT id, label FROM personal_access_tokens WHERE label LIKE '%\a%' OR label ILIKE '\t%';

-- ===== the clock is UTC (the session zone of the oracle) =====
SELECT now() > TIMESTAMP '2024-01-01 00:00:00' AS after, current_date >= DATE '2024-01-01' AS d, localtimestamp <= now() + interval '1 minute' AS l;
SELECT count(*) AS n FROM personal_access_tokens WHERE expiry < now() OR expiry IS NULL;
SELECT abs(extract(epoch FROM now()) - extract(epoch FROM localtimestamp)) < 60 AS same;

-- ===== regexp_match (compared by element: arrays print differently) =====
SELECT (regexp_match('abc123def45', '[0-9]+'))[1] AS a, regexp_match('abc', 'x') IS NULL AS b, (regexp_match('Key=Val', '(\w+)=(\w+)'))[2] AS c;
SELECT id, (regexp_match(label, '^([a-z]+)-'))[1] AS prefix FROM personal_access_tokens;
SELECT (regexp_match(label, 'DEPLOY', 'i'))[1] AS m, count(*) AS n FROM personal_access_tokens GROUP BY 1;
SELECT id FROM personal_access_tokens WHERE regexp_match(scopes, ':read_write') IS NOT NULL;

-- ===== adversarial: NULLs, empty groups, non-ASCII labels with the new functions =====
SELECT DISTINCT ON (label) label, id FROM personal_access_tokens ORDER BY label, id;
SELECT DISTINCT ON (expiry) expiry, id FROM personal_access_tokens ORDER BY expiry DESC, id;
SELECT scopes, avg(id) AS a, percentile_cont(0.5) WITHIN GROUP (ORDER BY id) AS m FROM personal_access_tokens WHERE id < 0 GROUP BY scopes;
SELECT count(*) AS n FROM generate_series(1, NULL::int);
SELECT id, age(expiry, created) AS lifetime FROM personal_access_tokens;
SELECT id, left(label, 1) AS l, right(label, 1) AS r, substr(label, 2, 1) AS s FROM personal_access_tokens WHERE label ~ '[^ -~]';
SELECT label AS value, length(label) AS day FROM personal_access_tokens WHERE label ~ '[^ -~]';
SELECT avg(length(label)) FILTER (WHERE label ~ '[^ -~]') AS unicode, avg(length(label)) FILTER (WHERE label ~ '^[ -~]*$') AS ascii FROM personal_access_tokens;
SELECT g, (regexp_match(label, '[^ -~]'))[1] AS first_other FROM generate_series(1, 3) AS g JOIN personal_access_tokens t ON t.id = g;
