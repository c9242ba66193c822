package dev.categorizer.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the chart with Helm's own engine (helm-java carries Helm as a native library), like
 * {@code helm template}.
 *
 * <pre>{@code
 * RenderedChart chart = ChartRenderer.forVariant(Variant.TRAIN).set("parallelism", "4").render();
 * }</pre>
 */
final class ChartRenderer {

    static final String RELEASE = "categorizer";
    static final String NAMESPACE = "streaming";

    private final List<Path> valuesFiles = new ArrayList<>();
    private final Map<String, String> sets = new LinkedHashMap<>();

    private ChartRenderer() {}

    static ChartRenderer defaults() {
        return new ChartRenderer();
    }

    static ChartRenderer forVariant(Variant variant) {
        ChartRenderer renderer = new ChartRenderer();
        variant.valuesFile().ifPresent(renderer.valuesFiles::add);
        return renderer;
    }

    ChartRenderer valuesFile(Path file) {
        valuesFiles.add(file);
        return this;
    }

    /** Like {@code --set key=value}. */
    ChartRenderer set(String key, String value) {
        sets.put(key, value);
        return this;
    }

    RenderedChart render() {
        return RenderedChart.parse(command().call());
    }

    /** Renders and returns Helm's error message; fails if rendering succeeds. */
    String renderError() {
        try {
            command().call();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("expected helm template to fail for values " + sets + " " + valuesFiles);
    }

    private TemplateCommand command() {
        TemplateCommand command = new Helm(RepoPaths.chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
        valuesFiles.forEach(command::withValuesFile);
        sets.forEach(command::set);
        return command;
    }
}
