package dev.vastguard.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the sample month's {@code summary.html} in a real headless Chromium: once to read back the DOM the browser
 * built, once to take a screenshot.
 *
 * <p>The browser is {@code $CHROMIUM} or {@code chromium} / {@code chromium-browser} on the {@code PATH} (Debian's
 * {@code chromium} package). Without one the test is skipped, unless {@code VASTGUARD_REQUIRE_BROWSER=true}, which
 * makes a missing browser a failure (for CI images that are meant to have it). With
 * {@code -Dvastguard.screenshot=<file>} the screenshot is also copied there; {@code docs/report-screenshot} uses
 * that to refresh the picture in the docs.
 */
class SummaryPageBrowserTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Path OUT = Path.of("target", "summary-page").toAbsolutePath();
    private static final int WINDOW_WIDTH = 1280;

    /** The page background, to find where the page ends in a screenshot taller than it. */
    private static final int BACKGROUND = 0xf4f6f8;

    private static final int SPEND = 0x2f6fb0;
    private static final int OVER = 0xc2412d;
    private static final int GPU = 0x2a8a84;

    /** A fresh browser profile per test, so no state carries over between runs. */
    @TempDir
    Path profile;

    private Path browser;
    private Path page;
    private String html;

    @BeforeEach
    void writeTheSamplePage() throws IOException {
        browser = chromium();
        html = SummaryPage.render(SampleMonth.november());
        Files.createDirectories(OUT);
        page = OUT.resolve("summary.html");
        Files.writeString(page, html, UTF_8);
    }

    @Test
    void dumpDom_sampleMonth_hasThreeChartsWithTheirBarsAndTheTable() throws Exception {
        String dom = chromium("dom", "--dump-dom", page.toUri().toString());

        assertThat(dom).contains("<title>Chargeback November 2026 \u2014 vastguard</title>");
        assertThat(count(dom, "<svg ")).isEqualTo(3);
        // Counting inside each chart checks that the browser parsed the SVG as we nested it.
        assertThat(count(chart(dom, "chart-teams"), "class=\"bar-team")).isEqualTo(6);
        assertThat(count(chart(dom, "chart-teams"), "class=\"bar-team over\"")).isEqualTo(1);
        assertThat(count(chart(dom, "chart-gpus"), "class=\"bar-gpu\"")).isEqualTo(5);
        assertThat(count(chart(dom, "chart-days"), "class=\"bar-day\"")).isEqualTo(30);
        for (String id : List.of("chart-teams", "chart-gpus", "chart-days")) {
            assertThat(chart(dom, id)).containsPattern("^<svg id=\"" + id + "\" role=\"img\" aria-label=\"[^\"]+\"");
        }
        assertThat(dom).contains("<table>").contains("<tr class=\"total\"><th scope=\"row\">Total</th>");
        assertThat(count(dom, "<th scope=\"col\">")).isEqualTo(10);
        assertThat(count(dom, "<th scope=\"row\">")).isEqualTo(7);
    }

    @Test
    void screenshot_sampleMonth_showsTheWholePageInColour() throws Exception {
        Path shot = OUT.resolve("summary-full.png");
        Files.deleteIfExists(shot);

        chromium("screenshot", "--screenshot=" + shot, "--window-size=" + WINDOW_WIDTH + "," + tallEnough(), uri());

        assertThat(shot).exists().isNotEmptyFile();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).as("a PNG the JDK can read").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WINDOW_WIDTH);
        int end = pageEnd(image);
        assertThat(end)
                .as("the page ends inside the window, so the screenshot holds all of it")
                .isLessThan(image.getHeight() - 1);
        BufferedImage cropped = image.getSubimage(0, 0, WINDOW_WIDTH, Math.min(image.getHeight(), end + 24));
        Set<Integer> colours = colours(cropped);
        assertThat(colours.size()).as("distinct colours, not a blank page").isGreaterThan(16);
        assertThat(colours)
                .as("bars of spend, of spend over the cap and of GPUs")
                .contains(SPEND, OVER, GPU);

        Path saved = OUT.resolve("summary.png");
        ImageIO.write(cropped, "png", saved.toFile());
        Optional<String> copy =
                Optional.ofNullable(System.getProperty("vastguard.screenshot")).filter(value -> !value.isBlank());
        if (copy.isPresent()) {
            Path target = Path.of(copy.get()).toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.copy(saved, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String uri() {
        return page.toUri().toString();
    }

    /** A window height sure to hold the page: its charts' heights plus generous room for the rest. */
    private int tallEnough() {
        int height = 1_600;
        Matcher svg = Pattern.compile("<svg [^>]* height=\"(\\d+)\"").matcher(html);
        while (svg.find()) {
            height += Integer.parseInt(svg.group(1));
        }
        return height + 48 * count(html, "<th scope=\"row\">");
    }

    /** Runs the browser headless on a fresh profile and returns its standard output; kills it if it hangs. */
    private String chromium(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                // Keeps colours as written, so the screenshot can be checked for the bars' exact colours.
                "--force-color-profile=srgb",
                "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        File stdout = OUT.resolve(name + ".out").toFile();
        File stderr = OUT.resolve(name + ".err").toFile();
        // Files, not pipes: a browser writing more than a pipe holds would block while nobody reads.
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout)
                .redirectError(stderr)
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s; its log: " + stderr);
        }
        assertThat(process.exitValue())
                .as("chromium's exit status; its log: " + stderr)
                .isZero();
        return Files.readString(stdout.toPath(), UTF_8);
    }

    /** The last pixel row that is not plain page background. */
    private static int pageEnd(BufferedImage image) {
        for (int y = image.getHeight() - 1; y >= 0; y--) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != BACKGROUND) {
                    return y;
                }
            }
        }
        return -1;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours;
    }

    /** The markup of one chart, from its opening tag to its closing one. */
    private static String chart(String dom, String id) {
        int start = dom.indexOf("<svg id=\"" + id + "\"");
        assertThat(start).as("chart " + id).isNotNegative();
        int end = dom.indexOf("</svg>", start);
        assertThat(end).as("end of chart " + id).isPositive();
        return dom.substring(start, end);
    }

    private static int count(String text, String regex) {
        return Math.toIntExact(Pattern.compile(regex).matcher(text).results().count());
    }

    /** The browser to use, or a skip (or a failure, when a browser is required) if there is none. */
    private static Path chromium() {
        Optional<String> configured = environment("CHROMIUM");
        if (configured.isPresent()) {
            Path path = Path.of(configured.get());
            assertThat(Files.isExecutable(path))
                    .as("CHROMIUM=" + path + " is not an executable file")
                    .isTrue();
            return path;
        }
        for (String directory : environment("PATH").orElse("").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
                    return Path.of(directory, name);
                }
            }
        }
        String missing = "no Chromium found (looked at $CHROMIUM, then chromium and chromium-browser on the PATH)";
        if (environment("VASTGUARD_REQUIRE_BROWSER").orElse("").equals("true")) {
            fail(missing + ", but VASTGUARD_REQUIRE_BROWSER=true: install Debian's chromium package"
                    + " (apt-get install chromium) or set CHROMIUM to the browser");
        }
        Assumptions.assumeTrue(
                false,
                missing + ": skipped. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM"
                        + " to run it; set VASTGUARD_REQUIRE_BROWSER=true to make a missing browser fail");
        throw new AssertionError("unreachable");
    }

    // CHECKSTYLE.OFF: RegexpSingleline
    private static Optional<String> environment(String name) {
        // The browser is found the way a shell finds it, so this test reads the environment directly.
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
    // CHECKSTYLE.ON: RegexpSingleline
}
