package dev.categorizer.helm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The manifests {@code helm template} produced: the raw text and each YAML document parsed. */
record RenderedChart(String text, List<JsonNode> documents) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static RenderedChart parse(String text) {
        List<JsonNode> documents = new ArrayList<>();
        Iterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text);
        while (it.hasNext()) {
            JsonNode document = it.next();
            if (document != null && !document.isNull() && !document.isMissingNode() && document.size() > 0) {
                documents.add(document);
            }
        }
        return new RenderedChart(text, List.copyOf(documents));
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asString(""))).toList();
    }

    /** The one FlinkDeployment; fails if there is not exactly one. */
    JsonNode flinkDeployment() {
        List<JsonNode> deployments = ofKind("FlinkDeployment");
        if (deployments.size() != 1) {
            throw new AssertionError("expected one FlinkDeployment, got " + deployments.size() + ":\n" + text);
        }
        return deployments.get(0);
    }

    JsonNode spec() {
        return flinkDeployment().path("spec");
    }

    /**
     * The job's command line: the FlinkDeployment's job arguments for the scorer (application mode), or what
     * follows the jar in the training submitter's {@code flink run} command (session mode).
     */
    List<String> args() {
        List<String> args = new ArrayList<>();
        if (spec().has("job")) {
            spec().path("job").path("args").forEach(a -> args.add(a.asString()));
            return args;
        }
        List<String> command = flinkRunCommand();
        return List.copyOf(command.subList(command.indexOf(jarPath()) + 1, command.size()));
    }

    /** Class the job jar is started with. */
    String entryClass() {
        if (spec().has("job")) {
            return spec().at("/job/entryClass").asString();
        }
        List<String> command = flinkRunCommand();
        return command.get(command.indexOf("--class") + 1);
    }

    /** Path of the job jar inside the image, as the chart uses it. */
    String jarPath() {
        if (spec().has("job")) {
            return spec().at("/job/jarURI").asString().replaceFirst("^local://", "");
        }
        return flinkRunCommand().stream().filter(a -> a.endsWith(".jar")).findFirst()
                .orElseThrow(() -> new AssertionError("no jar in the flink run command:\n" + text));
    }

    /** The training submitter Job, which exists in mode=train only. */
    JsonNode trainSubmitter() {
        List<JsonNode> jobs = ofKind("Job");
        if (jobs.size() != 1) {
            throw new AssertionError("expected one batch Job, got " + jobs.size() + ":\n" + text);
        }
        return jobs.get(0);
    }

    JsonNode trainSubmitterContainer() {
        return trainSubmitter().at("/spec/template/spec/containers/0");
    }

    private List<String> flinkRunCommand() {
        List<String> command = new ArrayList<>();
        trainSubmitterContainer().path("command").forEach(a -> command.add(a.asString()));
        return command;
    }

    /** Value following {@code option} in the job arguments, or null. */
    String arg(String option) {
        List<String> args = args();
        int i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** Every {@code --kafka-property key=value} of the job arguments. */
    Map<String, String> kafkaProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> args = args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--kafka-property")) {
                String[] keyValue = args.get(i + 1).split("=", 2);
                properties.put(keyValue[0], keyValue[1]);
            }
        }
        return properties;
    }

    Map<String, String> flinkConfiguration() {
        Map<String, String> conf = new LinkedHashMap<>();
        spec().path("flinkConfiguration").properties().forEach(e -> conf.put(e.getKey(), e.getValue().asString()));
        return conf;
    }

    JsonNode podSpec() {
        return spec().path("podTemplate").path("spec");
    }

    JsonNode mainContainer() {
        for (JsonNode container : podSpec().path("containers")) {
            if ("flink-main-container".equals(container.path("name").asString(""))) {
                return container;
            }
        }
        throw new AssertionError("no flink-main-container in the pod template:\n" + text);
    }
}
