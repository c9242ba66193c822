-- How many videos per predicted category, with the CATEGORIZE function (batch).
--
--   ./categorizer sql --file sql/scripts/count-by-category.sql -D MODEL_PATH=models/sample [-D DATA_DIR=data/sample]
--
-- MODEL_PATH: a model bundle written by `categorizer train`.
-- DATA_DIR:   a JSON-lines file or a directory of them (files ending in .jsonl), one video per line:
--             {"id": "...", "title": "...", "description": "...", "tags": ["..."]}
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

-- A literal model path is loaded once per task, when the query starts.
CREATE TEMPORARY VIEW categorized AS
SELECT id, title, CATEGORIZE('${MODEL_PATH}', title, description, tags) AS categories
FROM videos;

SELECT c.label AS category, COUNT(*) AS videos, ROUND(AVG(c.score), 3) AS avg_score
FROM categorized CROSS JOIN UNNEST(categories) AS c (label, score)
GROUP BY c.label
ORDER BY videos DESC, category;

SELECT COUNT(*) AS videos, SUM(CASE WHEN CARDINALITY(categories) = 0 THEN 1 ELSE 0 END) AS without_category
FROM categorized;
