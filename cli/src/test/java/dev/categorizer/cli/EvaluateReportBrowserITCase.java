package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation report in a real browser (headless Chromium): every chart is laid out with a non-zero size and
 * has something drawn in it, and clicking a column header sorts the table. A probe script appended to a copy of
 * the report measures each {@code svg} ({@code getBoundingClientRect}, and {@code getBBox} of what it draws) and
 * writes the results into the page, which Chromium prints ({@code --dump-dom}) for this test to read.
 */
class EvaluateReportBrowserITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    /** Runs after the report's own script; the page's CSP allows inline scripts, and nothing else. */
    private static final String PROBE = """
            <script>
            (function () {
              var lines = [];
              document.querySelectorAll('svg').forEach(function (svg) {
                var box = svg.getBoundingClientRect(), drawn = svg.getBBox();
                lines.push([svg.dataset.chart, box.width, box.height, drawn.width, drawn.height].join(' '));
              });
              var th = Array.prototype.find.call(document.querySelectorAll('#per-category-metrics th'),
                  function (h) { return h.textContent === 'F1'; });
              th.click();
              var column = Array.prototype.indexOf.call(th.parentNode.children, th);
              var sorted = Array.prototype.map.call(document.querySelectorAll('#per-category-metrics tbody tr'),
                  function (r) { return r.cells[column].dataset.sort; });
              var out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = 'charts\\n' + lines.join('\\n') + '\\nsorted ' + th.getAttribute('aria-sort') + ' '
                  + sorted.join(' ') + '\\nend';
              document.body.appendChild(out);
            })();
            </script>
            """;
    private static final Pattern PROBE_OUTPUT = Pattern.compile("<pre id=\"probe\">charts\\n(.*?)\\nsorted (\\S+) (.*?)\\nend</pre>",
            Pattern.DOTALL);

    @TempDir
    Path tmp;

    record Measured(String chart, double width, double height, double drawnWidth, double drawnHeight) {}

    @Test
    void everyChartRendersWithANonZeroSizeAndTheTableSorts() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        ReportFixture.Written report = ReportFixture.report();
        String html = Files.readString(report.file());
        List<String> charts = ReportFixture.chartNames(html);
        assertThat(charts).hasSizeGreaterThan(6);
        Path probed = tmp.resolve("probed.html");
        Files.writeString(probed, html.replace("</body>", PROBE + "</body>"));

        String dom = chromium.dumpDom(probed);

        Matcher m = PROBE_OUTPUT.matcher(dom);
        assertThat(m.find()).as("the probe ran in the browser; DOM: %s", abbreviate(dom)).isTrue();
        List<Measured> measured = new ArrayList<>();
        for (String line : m.group(1).split("\n")) {
            String[] f = line.split(" ");
            measured.add(new Measured(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        assertThat(measured).extracting(Measured::chart).containsExactlyElementsOf(charts);
        assertThat(measured).allSatisfy(c -> {
            assertThat(c.width()).as("%s width", c.chart()).isPositive();
            assertThat(c.height()).as("%s height", c.chart()).isPositive();
            assertThat(c.drawnWidth()).as("%s drawn width", c.chart()).isPositive();
            assertThat(c.drawnHeight()).as("%s drawn height", c.chart()).isPositive();
        });
        assertThat(m.group(2)).isEqualTo("ascending");
        List<Double> f1 = java.util.Arrays.stream(m.group(3).split(" ")).map(Double::parseDouble).toList();
        assertThat(f1).hasSizeGreaterThan(1).isSorted();
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1000) + " ... " + s.substring(s.length() - 1000);
    }
}
