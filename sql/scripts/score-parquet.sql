-- Scores a Parquet directory of videos into JSON-lines predictions, with the CATEGORIZE function (batch).
--
--   ./categorizer sql --file sql/scripts/score-parquet.sql \
--       -D MODEL_PATH=models/sample -D INPUT_DIR=videos-parquet/ -D OUTPUT_DIR=predictions/
--
-- MODEL_PATH: a model bundle written by `categorizer train`.
-- INPUT_DIR:  Parquet files with the columns id, title, description (string) and tags (list<string>).
-- OUTPUT_DIR: where the predictions go, one JSON object a line: {"id": "...", "categories": [{"label", "score"}]}.
-- Needs the Parquet format on the classpath (`categorizer sql` has it; a SQL client needs flink-sql-parquet).
SET 'execution.runtime-mode' = 'batch';

CREATE TEMPORARY TABLE videos (
  id STRING,
  title STRING,
  description STRING,
  tags ARRAY<STRING>
) WITH (
  'connector' = 'filesystem',
  'path' = '${INPUT_DIR}',
  'format' = 'parquet'
);

CREATE TEMPORARY TABLE predictions (
  id STRING,
  categories ARRAY<ROW<label STRING, score DOUBLE>>
) WITH (
  'connector' = 'filesystem',
  'path' = '${OUTPUT_DIR}',
  'format' = 'json'
);

CREATE TEMPORARY FUNCTION categorize AS 'dev.categorizer.sql.function.CategorizeFunction';

INSERT INTO predictions
SELECT id, CATEGORIZE('${MODEL_PATH}', title, description, tags)
FROM videos;

SELECT COUNT(*) AS scored FROM predictions;
