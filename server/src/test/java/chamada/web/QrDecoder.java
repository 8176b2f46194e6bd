package chamada.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The reader of QR codes in images, as a phone's camera would read them, with ZXing: tests read
 * back what a page shows, from a screenshot of the page or of one element. Stateless.
 */
public final class QrDecoder {

    // TRY_HARDER: a whole-page screenshot has the code somewhere among text, not alone and centred.
    // UTF-8: what QrCodeSvg encodes, rather than ZXing's guess from the bytes.
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.CHARACTER_SET, "UTF-8");

    private QrDecoder() {
    }

    /** The text of the QR code in the PNG file {@code png}; fails the test, naming the file, if there is none. */
    public static String decode(Path png) {
        BufferedImage image;
        try {
            image = ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png, e);
        }
        if (image == null) {
            throw new AssertionError(png + " is not an image ImageIO can read");
        }
        return decode(image, png.toString());
    }

    /** The text of the QR code in {@code image}; fails the test if there is none. */
    public static String decode(BufferedImage image) {
        return decode(image, "the image");
    }

    private static String decode(BufferedImage image, String what) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap, HINTS).getText();
        } catch (ReaderException e) {
            // NotFound, Checksum or Format: no code seen, or one seen but unreadable.
            throw new AssertionError("no readable QR code in " + what + " (" + image.getWidth() + "x"
                    + image.getHeight() + " px): ZXing says " + e.getClass().getSimpleName(), e);
        }
    }
}
