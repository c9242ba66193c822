-- Scores a Kafka topic of videos into a topic of predictions with ML_PREDICT (streaming; runs until stopped).
--
--   ./categorizer sql --file sql/scripts/score-kafka.sql -D MODEL_PATH=models/sample \
--       [-D BOOTSTRAP_SERVERS=localhost:9092] [-D INPUT_TOPIC=videos] [-D OUTPUT_TOPIC=predictions]
--
-- Input records: {"id": "...", "title": "...", "description": "...", "tags": ["..."]}
-- Output records: {"id": "...", "categories": [{"label": "...", "score": 0.93}], "model_version": "...",
--                  "scored_at": "..."}
-- Needs the Kafka connector on the classpath (`categorizer sql` has it; a SQL client needs flink-sql-connector-kafka).
-- Stamps scored_at in UTC.
SET 'table.local-time-zone' = 'UTC';

CREATE TEMPORARY TABLE videos (
  id STRING,
  title STRING,
  description STRING,
  tags ARRAY<STRING>
) WITH (
  'connector' = 'kafka',
  'topic' = '${INPUT_TOPIC:-videos}',
  'properties.bootstrap.servers' = '${BOOTSTRAP_SERVERS:-localhost:9092}',
  'properties.group.id' = '${GROUP_ID:-categorizer-sql}',
  'scan.startup.mode' = '${STARTUP_MODE:-earliest-offset}',
  'format' = 'json'
);

CREATE TEMPORARY TABLE predictions (
  id STRING,
  categories ARRAY<ROW<label STRING, score DOUBLE>>,
  model_version STRING,
  scored_at STRING
) WITH (
  'connector' = 'kafka',
  'topic' = '${OUTPUT_TOPIC:-predictions}',
  'properties.bootstrap.servers' = '${BOOTSTRAP_SERVERS:-localhost:9092}',
  'format' = 'json'
);

CREATE TEMPORARY MODEL video_categories
INPUT (title STRING, description STRING, tags ARRAY<STRING>)
OUTPUT (categories ARRAY<ROW<label STRING, score DOUBLE>>, model_version STRING)
WITH (
  'provider' = 'categorizer',
  'model.path' = '${MODEL_PATH}'
);

INSERT INTO predictions
SELECT id, categories, model_version, DATE_FORMAT(NOW(), 'yyyy-MM-dd''T''HH:mm:ss.SSS''Z''')
FROM ML_PREDICT(TABLE videos, MODEL video_categories, DESCRIPTOR(title, description, tags));
