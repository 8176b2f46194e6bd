package chamada.web;

import chamada.attendance.ReportLine;
import chamada.attendance.RollCallLine;
import chamada.i18n.Lang;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The report page's chart, drawn by the server as inline SVG: one bar per roll call of the
 * period, oldest first, as tall as the class's attendance rate there, on a scale from 0 to 100%.
 * Only numbers and dates reach the drawing; the template escapes the texts like any other.
 *
 * @param width  the drawing's width, which grows with the roll calls (the page scrolls it sideways)
 * @param bars   one per roll call
 * @param grid   the scale's lines: 100%, 50% and 0%, each its height and label
 */
public record AttendanceChart(int width, int height, List<Bar> bars, List<GridLine> grid) {

    /** A roll call's bar: its box, the date under it, and what a pointer over it says. */
    public record Bar(int x, int y, int width, int height, int labelX, String label, String title) {
    }

    public record GridLine(int y, String label) {
    }

    static final int PLOT_HEIGHT = 160;
    private static final int TOP = 10;
    private static final int LEFT = 48;
    private static final int BAR_WIDTH = 28;
    private static final int GAP = 14;
    private static final int BOTTOM = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    public AttendanceChart {
        bars = List.copyOf(bars);
        grid = List.copyOf(grid);
    }

    /** The chart of {@code lines}, a report's roll calls; texts in {@code lang}. */
    static AttendanceChart of(List<RollCallLine> lines, Lang lang) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RollCallLine line = lines.get(i);
            ReportLine counts = line.counts();
            double rate = counts.rate().orElse(0.0);
            int height = (int) Math.round(rate * PLOT_HEIGHT);
            int x = LEFT + GAP + i * (BAR_WIDTH + GAP);
            String title = WebText.CHART_BAR.format(lang, line.openedAt().format(DATE), line.rollCallId(),
                    counts.rate().map(AttendanceChart::percent).orElse("-"), counts.present(), counts.late(),
                    counts.excused(), counts.absent());
            bars.add(new Bar(x, TOP + PLOT_HEIGHT - height, BAR_WIDTH, height, x + BAR_WIDTH / 2,
                    line.openedAt().format(DAY), title));
        }
        int width = Math.max(320, LEFT + GAP + lines.size() * (BAR_WIDTH + GAP));
        return new AttendanceChart(width, TOP + PLOT_HEIGHT + BOTTOM, bars, List.of(new GridLine(TOP, "100%"),
                new GridLine(TOP + PLOT_HEIGHT / 2, "50%"), new GridLine(TOP + PLOT_HEIGHT, "0%")));
    }

    /** Where the scale's lines start, and their labels end. */
    public int left() {
        return LEFT;
    }

    static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + "%";
    }
}
