package dev.categorizer.sql.testutil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** SQL helpers for tests: the videos table over a JSON-lines directory, and collecting a query's rows. */
public final class VideoTables {

    private VideoTables() {}

    /** Creates the temporary table {@code videos (id, title, description, tags)} over {@code directory}. */
    public static void createVideos(TableEnvironment tEnv, Path directory) {
        tEnv.executeSql("CREATE TEMPORARY TABLE videos (id STRING, title STRING, description STRING,"
                + " tags ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '" + directory.toUri()
                + "', 'format' = 'json')");
    }

    public static List<Row> collect(TableEnvironment tEnv, String query) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(query).collect()) {
            it.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return rows;
    }
}
