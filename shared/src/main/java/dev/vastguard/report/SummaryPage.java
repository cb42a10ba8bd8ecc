package dev.vastguard.report;

/** Placeholder until the page lands. */
public final class SummaryPage {

    private SummaryPage() {}

    /**
     * Renders the page.
     *
     * @param summary the month
     * @return the HTML
     */
    public static String render(ReportSummary summary) {
        return "<!doctype html><title>" + summary.month() + "</title>" + summary;
    }
}
