package dev.categorizer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Flink standalone session cluster as Flink's own scripts start one, each part a process of its own: a
 * JobManager ({@code StandaloneSessionClusterEntrypoint}) and one TaskManager ({@code TaskManagerRunner}), their
 * memory flags computed by Flink's {@code BashJavaUtils} from {@code conf/config.yaml}, and Flink's client
 * ({@code CliFrontend}) to submit jobs. Its {@code lib/} is what a distribution has plus any jars the caller adds.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.builder(home)
 *         .lib(flinkJars).lib(tensorflowJars)
 *         .config("taskmanager.memory.process.size", "3g")
 *         .start()) {
 *     StandaloneCluster.Run run = cluster.flinkRun(Duration.ofMinutes(5), "-c", mainClass, jar, "train", ...);
 * }
 * }</pre>
 */
final class StandaloneCluster implements AutoCloseable {
    /** What Flink's distribution opens on Java 17 ({@code env.java.opts.all} of its config.yaml). */
    static final String JAVA_17_OPTS = String.join(" ",
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");

    private final Path home;
    private final Map<String, String> config;
    private final int restPort;
    private Process jobManager;
    private Process taskManager;

    private StandaloneCluster(Path home, Map<String, String> config, int restPort) {
        this.home = home;
        this.config = config;
        this.restPort = restPort;
    }

    static Builder builder(Path home) {
        return new Builder(home);
    }

    /** The output and exit code of a finished client command. */
    record Run(int exitCode, String output) {}

    /** Runs {@code flink run ARGS} with Flink's client, as {@code bin/flink} does, and waits for it. */
    Run flinkRun(Duration timeout, String... args) throws Exception {
        List<String> command = java(config.getOrDefault("env.java.opts.client", ""), "client");
        command.add("org.apache.flink.client.cli.CliFrontend");
        command.add("run");
        command.addAll(List.of(args));
        Path output = Files.createTempFile(home.resolve("log"), "client-", ".out");
        Process client = process(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            client.destroyForcibly().waitFor();
            throw new AssertionError("flink run " + String.join(" ", args) + " did not end within " + timeout
                    + ":\n" + Files.readString(output));
        }
        return new Run(client.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The TaskManager's process: the same one for as long as no job killed it. */
    Process taskManager() {
        return taskManager;
    }

    Path home() {
        return home;
    }

    /** The TaskManager's log and its standard output and error, for a failure message. */
    String taskManagerLogs() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("taskmanager.log", "taskmanager.out")) {
            Path file = home.resolve("log").resolve(name);
            try {
                if (Files.exists(file)) {
                    String content = Files.readString(file, StandardCharsets.UTF_8);
                    text.append("--- ").append(name).append(" (last 8000 characters)\n")
                            .append(content.substring(Math.max(0, content.length() - 8000))).append('\n');
                }
            } catch (IOException e) {
                text.append("cannot read ").append(file).append(": ").append(e).append('\n');
            }
        }
        return text.toString();
    }

    private void startProcesses() throws Exception {
        Files.createDirectories(home.resolve("log"));
        List<String> jm = java(config.getOrDefault("env.java.opts.jobmanager", ""), "jobmanager");
        jm.addAll(1, resourceParams("GET_JM_RESOURCE_PARAMS", 0));
        jm.add("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
        jm.addAll(List.of("--configDir", home.resolve("conf").toString(), "--executionMode", "cluster"));
        jm.addAll(dynamicConfigs(resourceParams("GET_JM_RESOURCE_PARAMS", 1)));
        jobManager = process(jm).redirectErrorStream(true)
                .redirectOutput(home.resolve("log/jobmanager.out").toFile()).start();

        List<String> tm = java(config.getOrDefault("env.java.opts.taskmanager", ""), "taskmanager");
        tm.addAll(1, resourceParams("GET_TM_RESOURCE_PARAMS", 0));
        tm.add("org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
        tm.addAll(List.of("--configDir", home.resolve("conf").toString()));
        tm.addAll(dynamicConfigs(resourceParams("GET_TM_RESOURCE_PARAMS", 1)));
        taskManager = process(tm).redirectErrorStream(true)
                .redirectOutput(home.resolve("log/taskmanager.out").toFile()).start();
        awaitTaskManagers(1, Duration.ofMinutes(2));
    }

    /** A JVM command line as Flink's scripts make one: the class path is lib/, the logs go to log/NAME.log. */
    private List<String> java(String extraOpts, String logName) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : (JAVA_17_OPTS + " " + config.getOrDefault("env.java.opts.all", "") + " " + extraOpts)
                .trim().split("\\s+")) {
            if (!opt.isEmpty()) command.add(opt);
        }
        command.add("-Dlog.file=" + home.resolve("log").resolve(logName + ".log"));
        command.add("-Dlog4j.configurationFile=file:" + home.resolve("conf/log4j.properties"));
        command.add("-cp");
        command.add(home.resolve("lib") + "/*");
        return command;
    }

    private ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("FLINK_CONF_DIR", home.resolve("conf").toString());
        builder.environment().put("FLINK_LIB_DIR", home.resolve("lib").toString());
        builder.environment().put("FLINK_PLUGINS_DIR", home.resolve("plugins").toString());
        return builder;
    }

    /** One line of what {@code BashJavaUtils} prints for {@code command}: 0 the JVM flags, 1 the dynamic configs. */
    private List<String> resourceParams(String command, int line) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("lib") + "/*", "org.apache.flink.runtime.util.bash.BashJavaUtils", command,
                "--configDir", home.resolve("conf").toString()));
        Process p = new ProcessBuilder(java).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + out);
        List<String> results = out.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length())).toList();
        if (results.size() < 2) throw new IllegalStateException("BashJavaUtils " + command + " printed:\n" + out);
        List<String> tokens = new ArrayList<>();
        for (String t : results.get(line).trim().split("\\s+")) if (!t.isEmpty()) tokens.add(t);
        return tokens;
    }

    /** {@code -D key=value -D ...} as the scripts pass them: a flag and its value as two arguments. */
    private static List<String> dynamicConfigs(List<String> tokens) {
        return tokens;
    }

    private void awaitTaskManagers(int expected, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!jobManager.isAlive() || !taskManager.isAlive()) break;
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/overview"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = TASK_MANAGERS.matcher(last);
                if (m.find() && Integer.parseInt(m.group(1)) >= expected) return;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the cluster did not come up (" + last + "); jobmanager alive: "
                + jobManager.isAlive() + ", taskmanager alive: " + taskManager.isAlive() + "\n" + taskManagerLogs()
                + readQuietly(home.resolve("log/jobmanager.out")) + readQuietly(home.resolve("log/jobmanager.log")));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? "--- " + file.getFileName() + "\n" + Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : new Process[] {taskManager, jobManager}) {
            if (p == null) continue;
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
    }

    /** Builder of {@link StandaloneCluster}. */
    static final class Builder {
        private final Path home;
        private final List<Path> libs = new ArrayList<>();
        private final Map<String, String> config = new LinkedHashMap<>();

        private Builder(Path home) {
            this.home = home;
        }

        /** Copies every jar of {@code directory} into the cluster's {@code lib/}. */
        Builder lib(Path directory) {
            libs.add(directory);
            return this;
        }

        /** One {@code key: value} line of {@code conf/config.yaml}. */
        Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        StandaloneCluster start() throws Exception {
            Path lib = Files.createDirectories(home.resolve("lib"));
            Files.createDirectories(home.resolve("plugins"));
            for (Path dir : libs) {
                try (Stream<Path> jars = Files.list(dir)) {
                    for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                        Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            int restPort = freePort();
            Map<String, String> all = new LinkedHashMap<>();
            all.put("jobmanager.rpc.address", "localhost");
            all.put("jobmanager.rpc.port", Integer.toString(freePort()));
            all.put("jobmanager.bind-host", "localhost");
            all.put("taskmanager.bind-host", "localhost");
            all.put("taskmanager.host", "localhost");
            all.put("rest.address", "localhost");
            all.put("rest.bind-address", "localhost");
            all.put("rest.port", Integer.toString(restPort));
            all.put("jobmanager.memory.process.size", "1600m");
            all.putAll(config);
            Path conf = Files.createDirectories(home.resolve("conf"));
            StringBuilder yaml = new StringBuilder();
            all.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
            Files.writeString(conf.resolve("config.yaml"), yaml);
            Files.writeString(conf.resolve("log4j.properties"), String.join("\n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.file.ref = MainAppender",
                    "appender.main.name = MainAppender",
                    "appender.main.type = File",
                    "appender.main.fileName = ${sys:log.file}",
                    "appender.main.layout.type = PatternLayout",
                    "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n", ""));
            StandaloneCluster cluster = new StandaloneCluster(home, all, restPort);
            try {
                cluster.startProcesses();
            } catch (Exception | Error e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
