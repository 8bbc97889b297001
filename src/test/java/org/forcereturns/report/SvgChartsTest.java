package org.forcereturns.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgChartsTest {

    private static final double AREA = SvgCharts.WIDTH - SvgCharts.LABEL_WIDTH - SvgCharts.VALUE_WIDTH;

    @Test
    void barLengthsAreProportionalAndTheLargestFillsTheArea() throws Exception {
        String svg = SvgCharts.horizontalBars("c", "Title", "Desc", List.of(new SvgCharts.Bar("A", 3_648, "3,648"),
                new SvgCharts.Bar("B", 1_824, "1,824"), new SvgCharts.Bar("C", 0, "0")), null);

        Document doc = parse(svg);
        List<Double> widths = attrs(doc, "rect", "width");
        assertThat(widths).hasSize(3);
        assertThat(widths.get(0)).isCloseTo(AREA, within(0.01));
        assertThat(widths.get(1)).isCloseTo(AREA / 2, within(0.01));
        assertThat(widths.get(2)).isZero();
        List<Double> ys = attrs(doc, "rect", "y");
        assertThat(ys.get(1) - ys.get(0)).isEqualTo(SvgCharts.ROW);
        // The value text sits just after the end of its bar.
        List<Double> textX = attrs(doc, "text", "x");
        assertThat(textX).contains(SvgCharts.LABEL_WIDTH + AREA + 6, SvgCharts.LABEL_WIDTH + AREA / 2 + 6);
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 760 " + (16 + 3 * 22));
    }

    @Test
    void aPartIsDrawnInsideItsBarWithALegend() throws Exception {
        String svg = SvgCharts.horizontalBars("f", "Forces", "Desc", List.of(new SvgCharts.Bar("A", 100, 25.0, "100"),
                new SvgCharts.Bar("B", 50, 50.0, "50")), "platform recorded");
        Document doc = parse(svg);
        List<Double> widths = new ArrayList<>();
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("part") && r.getParentNode().getNodeName().equals("g")) {
                widths.add(Double.parseDouble(r.getAttribute("width")));
            }
        }
        assertThat(widths).containsExactly(AREA / 4, AREA / 2);
        assertThat(svg).contains(">platform recorded</text>");
    }

    @Test
    void chartsHaveTitleAndDescriptionForScreenReadersAndEscapeLabels() throws Exception {
        String svg = SvgCharts.horizontalBars("x\"><script>", "Offences <b>by</b> & platform", "A & B",
                List.of(new SvgCharts.Bar("<script>alert(1)</script>", 1, "1 & 2")), null);
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        String id = root.getAttribute("id");
        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Offences <b>by</b> & platform");
        assertThat(root.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("A & B");
        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void noDataAndAllZeroGiveAValidChartWithoutNaN() throws Exception {
        String empty = SvgCharts.horizontalBars("e", "T", "D", List.of(), null);
        String zeros = SvgCharts.horizontalBars("z", "T", "D", List.of(new SvgCharts.Bar("A", 0, "0")), null);
        String noLine = SvgCharts.line("l", "T", "D", List.of());
        String flatLine = SvgCharts.line("k", "T", "D", List.of(new SvgCharts.Point("Q1", 0, "0")));
        for (String svg : List.of(empty, zeros, noLine, flatLine)) {
            parse(svg);
            assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
        }
        assertThat(empty).contains("No data");
    }

    @Test
    void linePointsRiseWithTheValueOnAnAxisFromZero() throws Exception {
        List<SvgCharts.Point> points = List.of(new SvgCharts.Point("2022/23 Q1", 1_300, "1,300"),
                new SvgCharts.Point("2022/23 Q2", 0, "0"), new SvgCharts.Point("2023/24 Q1", 7_900, "7,900"),
                new SvgCharts.Point("2023/24 Q2", 8_000, "8,000"));
        Document doc = parse(SvgCharts.line("t", "Trend", "Desc", points));
        List<Double> cx = attrs(doc, "circle", "cx");
        List<Double> cy = attrs(doc, "circle", "cy");
        assertThat(cx).hasSize(4).isSorted();
        assertThat(cx.get(0)).isEqualTo(SvgCharts.PLOT_LEFT);
        assertThat(cx.get(3)).isEqualTo(SvgCharts.PLOT_RIGHT);
        assertThat(cx.get(2) - cx.get(1)).isCloseTo(cx.get(1) - cx.get(0), within(0.02));
        // axis 0..8,000 (step 2,000): 8,000 at the top, 0 at the bottom, 1,300 in proportion
        assertThat(cy.get(3)).isEqualTo(SvgCharts.PLOT_TOP);
        assertThat(cy.get(1)).isEqualTo(SvgCharts.PLOT_BOTTOM);
        double span = SvgCharts.PLOT_BOTTOM - SvgCharts.PLOT_TOP;
        assertThat(cy.get(0)).isCloseTo(SvgCharts.PLOT_BOTTOM - span * 1_300 / 8_000, within(0.01));
        assertThat(cy.get(2)).isLessThan(cy.get(0));
        // the polyline goes through the circles
        String polyline = ((Element) doc.getElementsByTagName("polyline").item(0)).getAttribute("points");
        assertThat(polyline.split(" ")).hasSize(4);
        assertThat(polyline).startsWith(Html.num(cx.get(0)) + "," + Html.num(cy.get(0)));
        // axis labels are formatted with thousands separators, and each point has a tooltip title
        assertThat(doc.getDocumentElement().getTextContent()).contains("8,000").contains("2023/24 Q1");
        assertThat(doc.getElementsByTagName("title").getLength()).isEqualTo(1 + 4);
    }

    /** Two runs of quarters (7 forces, then 43) are two lines with a rule between them, never one. */
    @Test
    void aNewLineStartsWhereThePointsLineChangesAndEachLineSaysWhatItCovers() throws Exception {
        List<SvgCharts.Point> points = List.of(
                new SvgCharts.Point("2022/23 Q3", 1_300.0, "1,300", false, 0, "7 forces reporting"),
                new SvgCharts.Point("2022/23 Q4", 1_250.0, "1,250", false, 0, "7 forces reporting"),
                new SvgCharts.Point("2023/24 Q1", 7_900.0, "7,900", false, 1, "43 forces reporting"),
                new SvgCharts.Point("2023/24 Q2", 8_000.0, "8,000", false, 1, "43 forces reporting"));
        Document doc = parse(SvgCharts.line("t", "Trend", "Desc", points));

        List<String> lines = new ArrayList<>();
        NodeList polylines = doc.getElementsByTagName("polyline");
        for (int i = 0; i < polylines.getLength(); i++) {
            lines.add(((Element) polylines.item(i)).getAttribute("points"));
        }
        List<Double> cx = attrs(doc, "circle", "cx");
        List<Double> cy = attrs(doc, "circle", "cy");
        assertThat(lines).containsExactly(
                Html.num(cx.get(0)) + "," + Html.num(cy.get(0)) + " " + Html.num(cx.get(1)) + "," + Html.num(cy.get(1)),
                Html.num(cx.get(2)) + "," + Html.num(cy.get(2)) + " " + Html.num(cx.get(3)) + "," + Html.num(cy.get(3)));
        assertThat(byClass(doc, "line", "break")).singleElement()
                .satisfies(rule -> assertThat(Double.parseDouble(rule.getAttribute("x1")))
                        .isCloseTo((cx.get(1) + cx.get(2)) / 2, within(0.01)));
        assertThat(byClass(doc, "text", "line-label")).extracting(Element::getTextContent)
                .containsExactly("7 forces reporting", "43 forces reporting");
    }

    /** A suppressed value is not plotted at 0: the word stands in its place and the line breaks around it. */
    @Test
    void aSuppressedPointIsMarkedSuppressedAndALowerBoundIsHollow() throws Exception {
        List<SvgCharts.Point> points = List.of(
                new SvgCharts.Point("Q1", 10.0, "10", false, 0, null),
                new SvgCharts.Point("Q2", 12.0, "at least 12", true, 0, null),
                new SvgCharts.Point("Q3", null, "suppressed", false, 0, null),
                new SvgCharts.Point("Q4", 11.0, "11", false, 0, null));
        String svg = SvgCharts.line("s", "Trend", "Desc", points);
        Document doc = parse(svg);

        assertThat(attrs(doc, "circle", "cy")).hasSize(3).doesNotContain((double) SvgCharts.PLOT_BOTTOM);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isOne();
        assertThat(((Element) doc.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ")).hasSize(2);
        assertThat(byClass(doc, "g", "point suppressed")).singleElement()
                .satisfies(g -> assertThat(g.getTextContent()).contains("suppressed"));
        assertThat(byClass(doc, "g", "point lower-bound")).singleElement()
                .satisfies(g -> assertThat(g.getTextContent()).contains("at least 12"));
    }

    @Test
    void aSuppressedBarIsNoBarAndSaysSo() throws Exception {
        Document doc = parse(SvgCharts.horizontalBars("f", "Forces", "Desc", List.of(
                new SvgCharts.Bar("Essex", 12, 5.0, "at least 12"), SvgCharts.Bar.suppressed("Kent", "suppressed")),
                "platform recorded"));

        Element kent = byClass(doc, "g", "row suppressed").get(0);
        assertThat(kent.getElementsByTagName("rect").getLength()).isZero();
        assertThat(kent.getTextContent()).contains("Kent").contains("suppressed").doesNotContain("0");
        assertThat(byClass(doc, "g", "row")).singleElement()
                .satisfies(essex -> assertThat(essex.getElementsByTagName("rect").getLength()).isEqualTo(2));
    }

    private static List<Element> byClass(Document doc, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(SvgCharts.niceStep(8_000)).isEqualTo(2_000);
        assertThat(SvgCharts.niceStep(38_685)).isEqualTo(10_000);
        assertThat(SvgCharts.niceStep(12)).isEqualTo(5);
        assertThat(SvgCharts.niceStep(3)).isEqualTo(1);
        assertThat(SvgCharts.niceStep(0)).isEqualTo(1);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Double> attrs(Document doc, String tag, String attr) {
        List<Double> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.hasAttribute(attr)) {
                out.add(Double.parseDouble(e.getAttribute(attr)));
            }
        }
        return out;
    }

    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
