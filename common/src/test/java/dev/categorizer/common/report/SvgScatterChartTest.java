package dev.categorizer.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgScatterChartTest {

    @Test
    void drawsOneDotPerPointInsideThePlotOnALogAxis() throws Exception {
        Element root = SvgXml.parse(new SvgScatterChart("f1-by-frequency", "F1", "support", "F1", true)
                .point("rare", 3, 0.1)
                .point("common", 785, 0.9)
                .toSvg());

        NodeList dots = root.getElementsByTagNameNS("*", "circle");
        assertThat(dots.getLength()).isEqualTo(2);
        double width = Double.parseDouble(root.getAttribute("width"));
        for (int i = 0; i < dots.getLength(); i++) {
            double cx = Double.parseDouble(((Element) dots.item(i)).getAttribute("cx"));
            assertThat(cx).isStrictlyBetween(0.0, width);
        }
        double rare = Double.parseDouble(((Element) dots.item(0)).getAttribute("cx"));
        double common = Double.parseDouble(((Element) dots.item(1)).getAttribute("cx"));
        assertThat(common).isGreaterThan(rare);
        assertThat(((Element) dots.item(0)).getTextContent()).startsWith("rare: F1 0.1000");
    }

    @Test
    void anEmptyScatterStillDrawsItsAxes() throws Exception {
        Element root = SvgXml.parse(new SvgScatterChart("c", "c", "x", "y", true).toSvg());
        assertThat(root.getTextContent()).contains("nothing to show");
        assertThat(root.getElementsByTagNameNS("*", "line").getLength()).isPositive();
    }
}
