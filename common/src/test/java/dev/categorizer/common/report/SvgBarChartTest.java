package dev.categorizer.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgBarChartTest {

    @Test
    void drawsOneBarPerRowAndSeriesInAWellFormedSvgOfFixedSize() throws Exception {
        String svg = new SvgBarChart("overall", "Overall", List.of("model", "baseline"), 1.0)
                .row("micro F1", 0.6, 0.5)
                .row("macro F1", 0.4, Double.NaN)
                .toSvg();

        Element root = SvgXml.parse(svg);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("data-chart")).isEqualTo("overall");
        assertThat(Integer.parseInt(root.getAttribute("width"))).isPositive();
        assertThat(Integer.parseInt(root.getAttribute("height"))).isPositive();
        // 3 bars (NaN draws none) and 2 legend swatches
        assertThat(root.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(5);
    }

    @Test
    void growsWithTheRows() throws Exception {
        SvgBarChart few = new SvgBarChart("c", "c", List.of("model"), 1.0).row("a", 0.1);
        SvgBarChart many = new SvgBarChart("c", "c", List.of("model"), 1.0);
        for (int i = 0; i < 100; i++) many.row("label " + i, 0.5);

        int fewHeight = Integer.parseInt(SvgXml.parse(few.toSvg()).getAttribute("height"));
        int manyHeight = Integer.parseInt(SvgXml.parse(many.toSvg()).getAttribute("height"));

        assertThat(manyHeight).isGreaterThan(fewHeight * 10);
    }

    @Test
    void escapesRowNamesInTextAndTooltips() throws Exception {
        String svg = new SvgBarChart("c", "c", List.of("model"), 1.0).row("<script>alert(1)</script>", 0.5).toSvg();

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(SvgXml.parse(svg).getElementsByTagNameNS("*", "script").getLength()).isZero();
    }
}
