package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every documented variant renders one FlinkDeployment that the operator's CRD schema accepts. */
class FlinkDeploymentSchemaTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void renderedFlinkDeploymentMatchesTheCrd(Variant variant) {
        JsonNode deployment = variant.render().flinkDeployment();

        List<Error> errors = FlinkDeploymentSchema.validate(deployment);

        assertThat(errors).as("schema errors for %s", variant).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void fieldsTheOperatorNeedsAreSet(Variant variant) {
        JsonNode deployment = variant.render().flinkDeployment();
        JsonNode spec = deployment.path("spec");

        assertThat(deployment.path("apiVersion").asString()).isEqualTo("flink.apache.org/" + FlinkDeploymentSchema.API_VERSION);
        assertThat(deployment.at("/metadata/name").asString()).isNotBlank();
        assertThat(spec.path("image").asString()).isNotBlank();
        assertThat(spec.path("flinkVersion").asString()).isEqualTo("v2_2");
        assertThat(spec.path("serviceAccount").asString()).isNotBlank();
        assertThat(spec.at("/jobManager/resource/cpu").isNumber()).isTrue();
        assertThat(spec.at("/jobManager/resource/memory").asString()).matches("\\d+[mMgG]");
        assertThat(spec.at("/taskManager/resource/cpu").isNumber()).isTrue();
        assertThat(spec.at("/taskManager/resource/memory").asString()).matches("\\d+[mMgG]");
        assertThat(spec.path("flinkConfiguration").get("taskmanager.numberOfTaskSlots").asString()).isNotBlank();
        if (variant.mode().equals("score")) {
            assertThat(spec.at("/job/jarURI").asString()).startsWith("local:///");
            assertThat(spec.at("/job/entryClass").asString()).isNotBlank();
            assertThat(spec.at("/job/parallelism").asInt()).isPositive();
            assertThat(spec.at("/job/state").asString()).isEqualTo("running");
            assertThat(spec.at("/job/upgradeMode").asString()).isIn("savepoint", "last-state");
        } else {
            // Training runs two Flink jobs in a row: a session cluster, submitted to by a Kubernetes Job.
            assertThat(spec.has("job")).isFalse();
        }
    }

    @Test
    void schemaRejectsUnknownFieldsWrongTypesAndValuesOutsideEnums() {
        ObjectNode deployment = (ObjectNode) Variant.DEFAULT.render().flinkDeployment().deepCopy();
        ObjectNode job = (ObjectNode) deployment.path("spec").path("job");
        job.put("upgradeMode", "rolling");
        job.put("paralelism", 3);
        ((ObjectNode) deployment.path("spec").path("flinkConfiguration")).put("parallelism.default", 4);
        ((ObjectNode) deployment.path("spec")).put("flinkVersion", "v3_0");

        List<Error> errors = FlinkDeploymentSchema.validate(deployment);

        assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
                .anyMatch(l -> l.contains("upgradeMode"))
                .anyMatch(l -> l.contains("parallelism.default"))
                .anyMatch(l -> l.contains("flinkVersion"));
        assertThat(errors).extracting(Error::toString).anyMatch(m -> m.contains("paralelism"));
    }

    @Test
    void shippedCrdIsTheOperatorsFlinkDeploymentSchema() {
        JsonNode schema = FlinkDeploymentSchema.crdSchema();

        assertThat(schema.at("/properties/spec/properties/job/properties/upgradeMode/enum").toString())
                .contains("savepoint", "last-state", "stateless");
        assertThat(schema.at("/properties/spec/properties/flinkConfiguration/additionalProperties/type").asString())
                .isEqualTo("string");
    }
}
