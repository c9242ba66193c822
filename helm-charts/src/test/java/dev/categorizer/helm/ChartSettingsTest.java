package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Values turn into the Flink configuration and pod settings they document. */
class ChartSettingsTest {

    @Test
    void highAvailabilityOnUsesKubernetesHaWithDurableStorage() {
        Map<String, String> conf = Variant.DEFAULT.render().flinkConfiguration();

        assertThat(conf)
                .containsEntry("high-availability.type", "kubernetes")
                .containsEntry("high-availability.storageDir", "s3://my-bucket/categorizer/ha")
                .containsEntry("execution.checkpointing.dir", "s3://my-bucket/categorizer/checkpoints")
                .containsEntry("execution.checkpointing.savepoint-dir", "s3://my-bucket/categorizer/savepoints")
                .containsEntry("execution.checkpointing.interval", "30s");
        assertThat(Variant.DEFAULT.render().spec().at("/job/upgradeMode").asString()).isEqualTo("savepoint");
    }

    @Test
    void highAvailabilityOffLeavesNoHaSettings() {
        RenderedChart chart = Variant.SCORE_MODEL_VOLUME.render();

        assertThat(chart.flinkConfiguration()).doesNotContainKeys("high-availability.type", "high-availability.storageDir");
        assertThat(chart.spec().at("/job/upgradeMode").asString()).isEqualTo("savepoint");
    }

    @Test
    void valuesThatCannotWorkAreRefused() {
        assertThat(ChartRenderer.defaults().set("highAvailability.enabled", "false").set("score.upgradeMode", "last-state")
                .renderError()).contains("last-state needs highAvailability.enabled=true");
        assertThat(ChartRenderer.defaults().set("highAvailability.enabled", "false").set("jobManager.replicas", "2")
                .renderError()).contains("jobManager.replicas > 1 needs highAvailability.enabled=true");
        assertThat(ChartRenderer.forVariant(Variant.SCORE_MODEL_VOLUME).set("model.path", "s3://elsewhere")
                .renderError()).contains("must lie under model.volume.mountPath");
        assertThat(ChartRenderer.defaults().set("mode", "serve").renderError()).contains("mode");
    }

    @Test
    void trainingIsASessionClusterThatAKubernetesJobSubmitsTo() {
        RenderedChart chart = Variant.TRAIN.render();
        JsonNode job = chart.trainSubmitter();
        JsonNode pod = job.at("/spec/template/spec");
        JsonNode container = chart.trainSubmitterContainer();
        String clientConfig = chart.ofKind("ConfigMap").get(0).at("/data/config.yaml").asString();

        assertThat(chart.spec().has("job")).isFalse();
        assertThat(chart.flinkConfiguration()).doesNotContainKeys("high-availability.type", "execution.checkpointing.interval");
        assertThat(container.path("command").get(0).asString()).isEqualTo("/opt/flink/bin/flink");
        assertThat(container.path("command").get(1).asString()).isEqualTo("run");
        assertThat(container.path("image").asString()).isEqualTo(chart.spec().path("image").asString());
        assertThat(pod.path("restartPolicy").asString()).isEqualTo("Never");
        assertThat(job.at("/spec/backoffLimit").asInt()).isZero();
        assertThat(pod.at("/initContainers/0/command").toString()).contains("/dev/tcp/", "categorizer-rest.streaming.svc");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.path("env").toString()).contains("FLINK_CONF_DIR");
        assertThat(clientConfig).contains("\"rest.address\": \"categorizer-rest.streaming.svc\"", "\"rest.port\": \"8081\"");
        assertThat(chart.arg("--checkpoint-interval")).isEqualTo("5m");
        assertThat(Variant.DEFAULT.render().ofKind("Job")).isEmpty();
    }

    @Test
    void trainingNeedsSharedWorkDirectoryAndWritableModelVolume() {
        assertThat(ChartRenderer.forVariant(Variant.TRAIN).set("train.workDir", "").renderError())
                .contains("train.workDir");
        assertThat(ChartRenderer.forVariant(Variant.SCORE_MODEL_VOLUME).set("mode", "train").renderError())
                .contains("model.volume.readOnly=false");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void flinkPodsRunAsNonRootWithoutPrivilegesAndAWritableTmp(Variant variant) {
        RenderedChart chart = variant.render();
        JsonNode pod = chart.podSpec();
        JsonNode container = chart.mainContainer();

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(9999);
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop").toString()).contains("ALL");
        assertThat(KafkaSecurityTest.volume(chart, "tmp").has("emptyDir")).isTrue();
        assertThat(container.path("volumeMounts").toString()).contains("\"mountPath\":\"/tmp\"");
        assertThat(chart.flinkConfiguration().get("env.java.opts.all"))
                .contains("-Djava.io.tmpdir=/tmp", "-Dorg.bytedeco.javacpp.cachedir=/tmp/");
    }

    @Test
    void resourcesSlotsAndLimitsComeFromValues() {
        RenderedChart chart = ChartRenderer.defaults()
                .set("jobManager.cpu", "0.5").set("jobManager.memory", "1600m")
                .set("taskManager.cpu", "3").set("taskManager.memory", "8g")
                .set("taskManager.numberOfTaskSlots", "3").set("taskManager.memoryLimitFactor", "1.5")
                .set("parallelism", "6")
                .render();

        assertThat(chart.spec().at("/jobManager/resource/cpu").asDouble()).isEqualTo(0.5);
        assertThat(chart.spec().at("/jobManager/resource/memory").asString()).isEqualTo("1600m");
        assertThat(chart.spec().at("/taskManager/resource/cpu").asDouble()).isEqualTo(3.0);
        assertThat(chart.spec().at("/taskManager/resource/memory").asString()).isEqualTo("8g");
        assertThat(chart.spec().at("/job/parallelism").asInt()).isEqualTo(6);
        assertThat(chart.flinkConfiguration())
                .containsEntry("taskmanager.numberOfTaskSlots", "3")
                .containsEntry("kubernetes.taskmanager.memory.limit-factor", "1.5")
                .containsEntry("taskmanager.memory.task.off-heap.size", "768m");
    }

    @Test
    void metricsUsePrometheusReporterAndOptionalServiceMonitorFindsThePods() {
        RenderedChart chart = Variant.SCORE_MODEL_VOLUME.render();
        JsonNode podLabels = chart.spec().at("/podTemplate/metadata/labels");

        assertThat(chart.flinkConfiguration())
                .containsEntry("metrics.reporter.prom.factory.class",
                        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                .containsEntry("metrics.reporter.prom.port", "9249");
        assertThat(chart.mainContainer().at("/ports/0/containerPort").asInt()).isEqualTo(9249);
        JsonNode service = chart.ofKind("Service").get(0);
        service.at("/spec/selector").properties().forEach(
                e -> assertThat(podLabels.path(e.getKey()).asString()).isEqualTo(e.getValue().asString()));
        JsonNode monitor = chart.ofKind("ServiceMonitor").get(0);
        monitor.at("/spec/selector/matchLabels").properties().forEach(
                e -> assertThat(service.at("/metadata/labels").path(e.getKey()).asString()).isEqualTo(e.getValue().asString()));
        assertThat(monitor.at("/metadata/labels/release").asString()).isEqualTo("prometheus");
        assertThat(monitor.at("/spec/endpoints/0/port").asString()).isEqualTo("metrics");
        assertThat(Variant.DEFAULT.render().ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void schedulingAndModelVolumeReachThePods() {
        RenderedChart chart = Variant.SCORE_MODEL_VOLUME.render();

        assertThat(chart.podSpec().at("/nodeSelector/node-pool").asString()).isEqualTo("flink");
        assertThat(chart.podSpec().at("/tolerations/0/key").asString()).isEqualTo("dedicated");
        assertThat(KafkaSecurityTest.volume(chart, "model").at("/persistentVolumeClaim/claimName").asString())
                .isEqualTo("categorizer-model");
        assertThat(chart.mainContainer().path("volumeMounts").toString())
                .contains("\"mountPath\":\"/opt/categorizer/model\"", "\"readOnly\":true");
        assertThat(chart.arg("--model")).isEqualTo("/opt/categorizer/model/current");
    }

    @Test
    void s3CompatibleStoreGetsEndpointAndCredentialsByReference() {
        RenderedChart chart = Variant.SCORE_MINIO.render();

        assertThat(chart.flinkConfiguration())
                .containsEntry("s3.endpoint", "http://minio.minio.svc:9000")
                .containsEntry("s3.path.style.access", "true");
        assertThat(chart.mainContainer().path("env").toString())
                .contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "\"name\":\"categorizer-s3\"");
        assertThat(chart.spec().at("/job/upgradeMode").asString()).isEqualTo("last-state");
    }

    @Test
    void extraFlinkConfigurationAndPodTemplateWin() {
        RenderedChart chart = ChartRenderer.defaults()
                .set("flinkConfiguration.execution\\.checkpointing\\.interval", "2min")
                .set("flinkConfiguration.restart-strategy\\.type", "exponential-delay")
                .set("podTemplate.spec.priorityClassName", "streaming")
                .set("taskManager.podTemplate.spec.terminationGracePeriodSeconds", "60")
                .render();

        assertThat(chart.flinkConfiguration())
                .containsEntry("execution.checkpointing.interval", "2min")
                .containsEntry("restart-strategy.type", "exponential-delay");
        assertThat(chart.podSpec().path("priorityClassName").asString()).isEqualTo("streaming");
        assertThat(chart.podSpec().path("securityContext").isObject()).isTrue();
        assertThat(chart.spec().at("/taskManager/podTemplate/spec/terminationGracePeriodSeconds").asInt()).isEqualTo(60);
        assertThat(FlinkDeploymentSchema.validate(chart.flinkDeployment())).isEmpty();
    }
}
