package dev.categorizer.helm;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The FlinkDeployment schema of the Flink Kubernetes Operator's CRD (test resource crd/, see its README), as a JSON
 * schema validator. Two changes to the CRD, both in memory: the Flink 2.x versions the targeted operator accepts
 * are added to {@code spec.flinkVersion}, and the schema is made strict — a field the CRD does not know is an
 * error here, where Kubernetes would silently drop it and the setting would be lost.
 */
final class FlinkDeploymentSchema {

    static final String API_VERSION = "v1beta1";
    /** Flink versions newer than the shipped CRD's enum; operator 1.15 accepts them. */
    static final List<String> ADDED_FLINK_VERSIONS = List.of("v2_0", "v2_1", "v2_2");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Schema SCHEMA = load();

    private FlinkDeploymentSchema() {}

    static List<Error> validate(JsonNode flinkDeployment) {
        return SCHEMA.validate(flinkDeployment);
    }

    /** The openAPIV3Schema of the served version, as shipped (unmodified), for tests that read it. */
    static JsonNode crdSchema() {
        return readCrdSchema();
    }

    private static Schema load() {
        ObjectNode schema = (ObjectNode) readCrdSchema().deepCopy();
        ArrayNode flinkVersions = (ArrayNode) schema.at("/properties/spec/properties/flinkVersion/enum");
        ADDED_FLINK_VERSIONS.forEach(flinkVersions::add);
        // Kubernetes accepts these at the root of every object without the CRD declaring them.
        ObjectNode root = (ObjectNode) schema.get("properties");
        root.set("apiVersion", NODES.objectNode().put("type", "string"));
        root.set("kind", NODES.objectNode().put("type", "string"));
        root.set("metadata", NODES.objectNode().put("type", "object"));
        makeStrict(schema);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
    }

    private static JsonNode readCrdSchema() {
        try (InputStream in = FlinkDeploymentSchema.class.getResourceAsStream(
                "/crd/flinkdeployments.flink.apache.org-v1.yml")) {
            JsonNode crd = new YAMLMapper().readTree(in);
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (API_VERSION.equals(version.path("name").asString(""))) {
                    return version.path("schema").path("openAPIV3Schema");
                }
            }
            throw new IllegalStateException("no " + API_VERSION + " in the CRD");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects with declared properties accept no others, unless the CRD says to keep unknown fields. */
    private static void makeStrict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties")
                    && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.values().forEach(FlinkDeploymentSchema::makeStrict);
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(FlinkDeploymentSchema::makeStrict);
        }
    }
}
