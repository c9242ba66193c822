-- Videos whose top category changed between two models (batch), e.g. after retraining.
--
--   ./categorizer sql --file sql/scripts/compare-models.sql \
--       -D MODEL_A=models/old -D MODEL_B=models/new [-D DATA_DIR=data/sample]
--
-- MODEL_A, MODEL_B: two model bundles written by `categorizer train`.
-- DATA_DIR:         a JSON-lines file or a directory of them (files ending in .jsonl).
SET 'execution.runtime-mode' = 'batch';

CREATE TEMPORARY TABLE videos (
  id STRING,
  title STRING,
  description STRING,
  tags ARRAY<STRING>
) WITH (
  'connector' = 'filesystem',
  'path' = '${DATA_DIR:-data/sample}',
  'source.path.regex-pattern' = '.*\.jsonl',
  'format' = 'json'
);

CREATE TEMPORARY FUNCTION categorize AS 'dev.categorizer.sql.function.CategorizeFunction';

CREATE TEMPORARY VIEW top_categories AS
SELECT id, title,
       CATEGORIZE('${MODEL_A}', title, description, tags)[1].label AS top_a,
       CATEGORIZE('${MODEL_B}', title, description, tags)[1].label AS top_b
FROM videos;

-- NULL: the model gives the video no category.
SELECT id, title, top_a, top_b
FROM top_categories
WHERE top_a IS DISTINCT FROM top_b
ORDER BY id;

SELECT COUNT(*) AS videos, SUM(CASE WHEN top_a IS DISTINCT FROM top_b THEN 1 ELSE 0 END) AS changed
FROM top_categories;
