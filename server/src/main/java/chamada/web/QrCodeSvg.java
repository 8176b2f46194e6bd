package chamada.web;

import io.nayuki.qrcodegen.QrCode;

import java.util.Objects;

/**
 * A QR code drawn as SVG, for the web front to put inline in its pages: black modules on white,
 * one {@code <path>} for all of them, and a {@code viewBox} with a four-module quiet zone (the
 * margin ISO/IEC 18004 asks for, without which cameras miss codes on dark screens). The image has
 * no width or height of its own, so the page's CSS sizes it, as large as the projector allows;
 * {@code shape-rendering="crispEdges"} keeps module edges sharp at any scale. The page gives it a
 * text alternative. Stateless; any thread may call it.
 */
public final class QrCodeSvg {

    /** Modules of white around the code: the quiet zone of ISO/IEC 18004. */
    static final int BORDER = 4;

    private QrCodeSvg() {
    }

    /**
     * Draws {@code text}, encoded as UTF-8, as a QR code. The error correction is at least
     * medium (15% of the code may be unreadable), raised as far as fits the same size.
     *
     * @throws io.nayuki.qrcodegen.DataTooLongException if the text does not fit the largest
     *         QR code (about 2,300 bytes of UTF-8 at medium error correction)
     */
    public static String render(String text) {
        QrCode qr = QrCode.encodeText(Objects.requireNonNull(text, "text"), QrCode.Ecc.MEDIUM);
        int side = qr.size + 2 * BORDER;
        StringBuilder svg = new StringBuilder(qr.size * qr.size * 4)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(side).append(' ')
                .append(side).append("\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(side).append("\" height=\"").append(side)
                .append("\" fill=\"#FFFFFF\"/><path fill=\"#000000\" d=\"");
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                // One rectangle per run of dark modules in a row: a third of the path's length.
                int run = 1;
                while (x + run < qr.size && qr.getModule(x + run, y)) {
                    run++;
                }
                svg.append('M').append(x + BORDER).append(',').append(y + BORDER)
                        .append('h').append(run).append("v1h-").append(run).append('z');
                x += run;
            }
        }
        return svg.append("\"/></svg>").toString();
    }
}
