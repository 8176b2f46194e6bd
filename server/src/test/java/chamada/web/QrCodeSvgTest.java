package chamada.web;

import io.nayuki.qrcodegen.DataTooLongException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link QrCodeSvg} without a browser: the SVG is well-formed with the promised shape, and its
 * path, painted module by module as a browser would, is a QR code ZXing reads back.
 */
class QrCodeSvgTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** One rectangle per run of dark modules: "MX,YhRUNv1h-RUNz". */
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(?<run>\\d+)v1h-\\k<run>z");
    private static final int PIXELS_PER_MODULE = 4;

    @Test
    void render_anyText_isOneBlackPathOnWhiteWithAFourModuleBorder() throws Exception {
        Element svg = parse(QrCodeSvg.render("1010")).getDocumentElement();

        // "1010" fits the smallest QR code, 21 modules a side.
        assertThat(svg.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 29 29");
        assertThat(svg.getAttribute("shape-rendering")).isEqualTo("crispEdges");
        assertThat(svg.getElementsByTagNameNS(SVG_NS, "path").getLength()).isEqualTo(1);
        Element background = (Element) svg.getElementsByTagNameNS(SVG_NS, "rect").item(0);
        assertThat(background.getAttribute("width")).isEqualTo("29");
        assertThat(background.getAttribute("height")).isEqualTo("29");
        assertThat(background.getAttribute("fill")).isEqualTo("#FFFFFF");
        Element path = (Element) svg.getElementsByTagNameNS(SVG_NS, "path").item(0);
        assertThat(path.getAttribute("fill")).isEqualTo("#000000");
        assertThat(path.getAttribute("d")).matches("(?:" + RUN.pattern() + ")+");
        assertThat(minimumCoordinate(path.getAttribute("d"))).isEqualTo(QrCodeSvg.BORDER);
    }

    @Test
    void render_text_paintsACodeZxingReadsBackAsTheSameText() throws Exception {
        String text = "Chamada da turma 1010: presença até às 08h15";

        Element svg = parse(QrCodeSvg.render(text)).getDocumentElement();

        assertThat(QrDecoder.decode(paint(svg))).isEqualTo(text);
    }

    @Test
    void render_textLongerThanTheLargestCode_throws() {
        assertThatThrownBy(() -> QrCodeSvg.render("x".repeat(3000))).isInstanceOf(DataTooLongException.class);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static int minimumCoordinate(String d) {
        int minimum = Integer.MAX_VALUE;
        for (Matcher run = RUN.matcher(d); run.find(); ) {
            minimum = Math.min(minimum, Math.min(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2))));
        }
        return minimum;
    }

    /** The SVG as a browser draws it, at a whole number of pixels per module: white, then the path's runs in black. */
    private static BufferedImage paint(Element svg) {
        int side = Integer.parseInt(svg.getAttribute("viewBox").split(" ")[2]) * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            String d = ((Element) svg.getElementsByTagNameNS(SVG_NS, "path").item(0)).getAttribute("d");
            for (Matcher run = RUN.matcher(d); run.find(); ) {
                g.fillRect(Integer.parseInt(run.group(1)) * PIXELS_PER_MODULE, Integer.parseInt(run.group(2)) * PIXELS_PER_MODULE,
                        Integer.parseInt(run.group(3)) * PIXELS_PER_MODULE, PIXELS_PER_MODULE);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
