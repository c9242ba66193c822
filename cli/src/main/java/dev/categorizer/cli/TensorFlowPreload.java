package dev.categorizer.cli;

import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.tensorflow.TensorFlow;

/**
 * Loads TensorFlow's native library on a background thread while the embedded cluster starts, so that the task
 * that needs it finds it loaded: the two take about a second each and overlap on a machine with two cores. Only
 * for an embedded cluster, whose tasks run in this process; a client that submits to a cluster never loads it.
 * A library that fails to load here fails again, loudly, where the task loads it.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * TensorFlowPreload.startIfLocal(env);
 * }</pre>
 */
final class TensorFlowPreload {
    private TensorFlowPreload() {}

    static void startIfLocal(StreamExecutionEnvironment env) {
        if (!(env instanceof LocalStreamEnvironment)) return;
        Thread thread = new Thread(TensorFlowPreload::load, "tensorflow preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            TensorFlow.version();
        } catch (Throwable ignored) { // the task reports it where it matters
        }
    }
}
