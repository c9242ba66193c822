package dev.categorizer.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTableTest {

    private final HtmlTable table = new HtmlTable("t", List.of(HtmlTable.text("category"), HtmlTable.number("F1"),
            HtmlTable.number("support")));

    @Test
    void numberCellsKeepTheirExactValueToSortBy() {
        String html = table.row("Drama", 0.123456, 785L).toHtml();

        assertThat(html).contains("<table class=\"sortable\" id=\"t\">")
                .contains("<th data-type=\"number\" title=\"sort\">F1</th>")
                .contains("<td class=\"num\" data-sort=\"0.123456\">0.1235</td>")
                .contains("<td class=\"num\" data-sort=\"785\">785</td>");
    }

    @Test
    void escapesTextCellsAndHeaders() {
        String html = new HtmlTable("t", List.of(HtmlTable.text("<b>"))).row("<script>alert(1)</script>").toHtml();

        assertThat(html).doesNotContain("<script>", "<b>")
                .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", "&lt;b&gt;");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> table.row("Drama")).isInstanceOf(IllegalArgumentException.class);
    }
}
