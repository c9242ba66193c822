package dev.categorizer.common.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table whose columns sort on a click of their header (by the page's {@link #SORT_SCRIPT}): numbers
 * numerically, text alphabetically. Cells are escaped; a number cell keeps its exact value in {@code data-sort}.
 *
 * <pre>{@code
 * String html = new HtmlTable("per-category", List.of(HtmlTable.text("category"), HtmlTable.number("F1")))
 *         .row("Drama", 0.71)
 *         .toHtml();
 * }</pre>
 */
public final class HtmlTable {

    /** Sorts every {@code table.sortable} by the clicked column, toggling the direction; no library, no network. */
    public static final String SORT_SCRIPT = """
            document.querySelectorAll('table.sortable th').forEach(function (th, _) {
              th.addEventListener('click', function () {
                var table = th.closest('table'), body = table.tBodies[0];
                var column = Array.prototype.indexOf.call(th.parentNode.children, th);
                var numeric = th.dataset.type === 'number';
                var ascending = th.getAttribute('aria-sort') !== 'ascending';
                table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[column], y = b.cells[column];
                  var c = numeric ? parseFloat(x.dataset.sort) - parseFloat(y.dataset.sort)
                                  : x.textContent.localeCompare(y.textContent);
                  return ascending ? c : -c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
            """;

    /** A column: its header and whether it holds numbers. */
    public record Column(String header, boolean numeric) {}

    public static Column text(String header) {
        return new Column(header, false);
    }

    public static Column number(String header) {
        return new Column(header, true);
    }

    private final String id;
    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public HtmlTable(String id, List<Column> columns) {
        this.id = id;
        this.columns = List.copyOf(columns);
    }

    /**
     * Adds a row, one cell per column: numbers ({@link Double} shown with four decimals, {@link Long} and
     * {@link Integer} as they are) or text; a null cell is empty.
     */
    public HtmlTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder(256 + 120 * rows.size());
        html.append("<table class=\"sortable\" id=\"").append(Html.escape(id)).append("\"><thead><tr>");
        for (Column c : columns) {
            html.append("<th").append(c.numeric() ? " data-type=\"number\"" : "").append(" title=\"sort\">")
                    .append(Html.escape(c.header())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Object[] row : rows) {
            html.append("<tr>");
            for (Object cell : row) html.append(cell(cell));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String cell(Object value) {
        if (value == null) return "<td data-sort=\"-1\"></td>";
        if (value instanceof Double d) {
            return "<td class=\"num\" data-sort=\"" + (Double.isNaN(d) ? "-1" : d) + "\">"
                    + (Double.isNaN(d) ? "" : Html.number(d)) + "</td>";
        }
        if (value instanceof Number n) return "<td class=\"num\" data-sort=\"" + n + "\">" + n + "</td>";
        return "<td>" + Html.escape(value.toString()) + "</td>";
    }
}
