package chamada.web;

/**
 * The size of a browser's viewport in CSS pixels, with the two the web front is tested at.
 *
 * @param mobile whether the browser behaves as a phone's: the page's {@code <meta name="viewport">}
 *               counts and scrollbars overlay the page instead of taking width from it
 */
public record WindowSize(int width, int height, boolean mobile) {

    /** A phone held upright: 360 CSS pixels is the narrowest width common among Android phones. */
    public static final WindowSize PHONE = new WindowSize(360, 740, true);

    /** A full-HD projector or classroom screen, driven by the teacher's computer. */
    public static final WindowSize PROJECTOR = new WindowSize(1920, 1080, false);

    public WindowSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a window is at least 1x1 CSS pixels, not " + width + "x" + height);
        }
    }
}
