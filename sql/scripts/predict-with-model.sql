-- Flink's model DDL and ML_PREDICT with the 'categorizer' model provider (streaming, as ML_PREDICT needs).
--
--   ./categorizer sql --file sql/scripts/predict-with-model.sql -D MODEL_PATH=models/sample [-D DATA_DIR=data/sample]
--
-- MODEL_PATH: a model bundle written by `categorizer train`.
-- DATA_DIR:   a JSON-lines file or a directory of them (files ending in .jsonl).
-- LIMIT:      how many videos to show (default 20).
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

-- INPUT is (title, description, tags) by position; each OUTPUT column is told by its type:
--   ARRAY<ROW<label STRING, score DOUBLE>>  the categories over their thresholds, best first
--   MAP<STRING, DOUBLE>                     every label's score
--   STRING                                  the model version
CREATE TEMPORARY MODEL video_categories
INPUT (title STRING, description STRING, tags ARRAY<STRING>)
OUTPUT (categories ARRAY<ROW<label STRING, score DOUBLE>>, model_version STRING)
WITH (
  'provider' = 'categorizer',
  'model.path' = '${MODEL_PATH}'
);

SELECT id, title, categories[1].label AS top_category, categories[1].score AS top_score, categories, model_version
FROM ML_PREDICT(TABLE videos, MODEL video_categories, DESCRIPTOR(title, description, tags))
LIMIT ${LIMIT:-20};
