package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** NOTES.txt, which {@code helm install} prints, says what was deployed and how to look at it. */
class NotesTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void notesNameTheDeploymentAndTheCommandsToSeeIt(Variant variant) {
        String notes = notes(variant);

        assertThat(notes).contains(
                "Deployed FlinkDeployment streaming/categorizer for the categorizer's " + variant.mode() + " job",
                "kubectl -n streaming get flinkdeployment categorizer",
                "kubectl -n streaming port-forward svc/categorizer-rest 8081");
        if (variant.mode().equals("train")) {
            assertThat(notes).contains("kubectl -n streaming logs -f job/categorizer-train");
        } else {
            assertThat(notes).contains("input topic", "savepointTriggerNonce");
        }
    }

    /** Output of a client-only dry-run install: the NOTES section Helm prints after installing. */
    private static String notes(Variant variant) {
        InstallCommand install = new Helm(RepoPaths.chart()).install()
                .withName(ChartRenderer.RELEASE)
                .withNamespace(ChartRenderer.NAMESPACE)
                .clientOnly()
                .dryRun();
        variant.valuesFile().ifPresent(install::withValuesFile);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }
}
