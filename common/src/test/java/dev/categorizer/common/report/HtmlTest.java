package dev.categorizer.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupQuotesAndAmpersands() {
        assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.escape("Tom & \"Jerry\" 'n' co")).isEqualTo("Tom &amp; &quot;Jerry&quot; &#39;n&#39; co");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void replacesControlCharactersThatXmlForbids() {
        assertThat(Html.escape("a\u0001b\tc")).isEqualTo("a\uFFFDb\tc");
    }

    @Test
    void formatsMetricsAndCoordinatesShortly() {
        assertThat(Html.number(0.123456)).isEqualTo("0.1235");
        assertThat(Html.coordinate(12.0)).isEqualTo("12");
        assertThat(Html.coordinate(12.3456)).isEqualTo("12.35");
    }
}
