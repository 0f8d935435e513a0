-- 1,000,000 generated customers for the customer list and search benchmark
-- (docs/performance.md, "Finding customers"). Run on an empty database that has the
-- customer tables (V19, V19_2). Terms are made as platform.Words makes them for such names:
-- Chinese: each character, each pair, the given name as smartcn's word; English: the words.
SET synchronous_commit = off;
CREATE FUNCTION pg_temp.h(x bigint) RETURNS bigint AS $$ SELECT abs(hashint8(x)::bigint) $$ LANGUAGE sql IMMUTABLE;
INSERT INTO customer_level (name, position, created_at)
SELECT l, n, 0 FROM unnest(ARRAY['VIP', 'Gold', 'Silver', 'Bronze', 'Trial']) WITH ORDINALITY AS t(l, n);

CREATE TEMP TABLE pools AS SELECT
  string_to_array('王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高', NULL) AS surnames,
  string_to_array('小明华丽伟芳娜敏静强磊军洋勇艳杰娟涛超秀英霞平刚桂兰文辉建国红玉海波宇新春', NULL) AS given,
  ARRAY['James','Mary','John','Linda','Robert','Susan','Michael','Karen','David','Lisa','Alexander','Emma',
        'Oliver','Sophia','Daniel','Grace','Henry','Chloe','Lucas','Alice'] AS firsts,
  ARRAY['Smith','Johnson','Brown','Taylor','Wilson','Davies','Evans','Thomas','Roberts','Walker','Wright',
        'Hughes','Green','Hall','Wood','Turner','Clarke','Baker','Harris','King'] AS lasts;

INSERT INTO customer (name, company, language, level_id, first_seen_at, last_seen_at, last_conversation_at,
    conversation_count, last_rating, created_at, updated_at, version)
SELECT CASE WHEN g % 2 = 0
         THEN p.surnames[1 + (pg_temp.h(g) % 20)] || p.given[1 + (pg_temp.h(g * 7) % 40)] || p.given[1 + (pg_temp.h(g * 13) % 40)]
         ELSE p.firsts[1 + (pg_temp.h(g) % 20)] || ' ' || p.lasts[1 + (pg_temp.h(g * 7) % 20)] END,
       CASE WHEN g % 3 = 0 THEN 'Company ' || (g % 5000) END,
       CASE WHEN g % 2 = 0 THEN 'zh-CN' ELSE 'en' END,
       CASE WHEN g % 10 = 0 THEN 1 WHEN g % 10 < 5 THEN 1 + (g % 5) END,
       t0 - (pg_temp.h(g * 3) % 365) * 86400000, t0 - (pg_temp.h(g * 5) % (86400000::bigint * 90)),
       CASE WHEN g % 10 < 7 THEN t0 - (pg_temp.h(g * 11) % (86400000::bigint * 120)) END,
       pg_temp.h(g * 17) % 20, CASE WHEN g % 4 = 0 THEN 1 + g % 5 END,
       t0 - (pg_temp.h(g * 3) % 365) * 86400000, t0, 0
FROM generate_series(1, 1000000) AS g, pools p, (SELECT 1796000000000::bigint AS t0) n;

INSERT INTO customer_tag (customer_id, tag) SELECT id, 'tag-' || (id % 100) FROM customer;
INSERT INTO customer_tag (customer_id, tag) SELECT id, 'tag-' || ((id * 7 + 3) % 100) FROM customer
WHERE id % 5 = 0 AND (id * 7 + 3) % 100 <> id % 100;

INSERT INTO customer_term (term, customer_id)
SELECT DISTINCT term, id FROM (
  SELECT id, lower(w) AS term FROM customer, regexp_split_to_table(name, ' ') AS w WHERE name !~ '[一-鿿]'
  UNION ALL SELECT id, substr(name, i, 1) FROM customer, generate_series(1, 3) i WHERE name ~ '[一-鿿]'
  UNION ALL SELECT id, substr(name, i, 2) FROM customer, generate_series(1, 2) i WHERE name ~ '[一-鿿]'
  UNION ALL SELECT id, 'company' FROM customer WHERE company IS NOT NULL
  UNION ALL SELECT id, substr(company, 9) FROM customer WHERE company IS NOT NULL
  UNION ALL SELECT customer_id, 'tag' FROM customer_tag
  UNION ALL SELECT customer_id, substr(tag, 5) FROM customer_tag
) t;
ANALYZE;
