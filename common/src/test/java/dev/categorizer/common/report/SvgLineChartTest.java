package dev.categorizer.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgLineChartTest {

    @Test
    void drawsEachSeriesAsAPolylineAndTheMarkerAsADot() throws Exception {
        String svg = new SvgLineChart("pr-0", "Drama", "recall", "precision", 240, 200)
                .xRange(0, 1).yRange(0, 1)
                .series("precision", new double[] {0, 0.5, 1}, new double[] {1, 0.8, 0.3})
                .marker(0.5, 0.8, "threshold 0.4")
                .toSvg();

        Element root = SvgXml.parse(svg);
        assertThat(root.getAttribute("width")).isEqualTo("240");
        assertThat(root.getAttribute("height")).isEqualTo("200");
        Element line = (Element) root.getElementsByTagNameNS("*", "polyline").item(0);
        assertThat(line.getAttribute("points").split(" ")).hasSize(3);
        assertThat(root.getElementsByTagNameNS("*", "circle").getLength()).isEqualTo(1);
    }

    @Test
    void leavesOutPointsWithNanAndShowsANoteForAnEmptyChart() throws Exception {
        Element root = SvgXml.parse(new SvgLineChart("c", "c", "x", "y", 200, 150)
                .series("s", new double[] {1, 2, 3}, new double[] {0.1, Double.NaN, 0.3})
                .note("no positive test video")
                .toSvg());

        Element line = (Element) root.getElementsByTagNameNS("*", "polyline").item(0);
        assertThat(line.getAttribute("points").split(" ")).hasSize(2);
        assertThat(root.getTextContent()).contains("no positive test video");
    }

    @Test
    void escapesTheTitle() throws Exception {
        String svg = new SvgLineChart("c", "<script>alert(1)</script>", "x", "y", 200, 150).toSvg();

        assertThat(svg).doesNotContain("<script>");
        assertThat(SvgXml.parse(svg).getAttribute("aria-label")).isEqualTo("<script>alert(1)</script>");
    }
}
