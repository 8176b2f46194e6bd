package chamada.web;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;

/**
 * A JUnit extension that starts one {@link Browser} for all the tests of a class, since a start
 * takes seconds, and passes it to every test method that takes a {@code Browser} parameter:
 * <pre>{@code
 * @RegisterExtension
 * static final SharedBrowser BROWSER = new SharedBrowser(WindowSize.PHONE);
 *
 * @Test
 * void checkInPage_atPhoneSize_showsTheCodeField(Browser browser) { ... }
 * }</pre>
 * The first test starts it; before each later one it {@linkplain Browser#reset resets} it to a
 * blank page, without cookies, at the class's size; after the last one it quits. Without
 * Chromium each test is skipped, in one line saying what is missing. The browser lives in the
 * class's JUnit store, not in the extension, which holds only the size: the field stays constant.
 */
public final class SharedBrowser implements BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    private final WindowSize size;

    /** An extension whose browser starts, and is reset before every test, at {@code size}. */
    public SharedBrowser(WindowSize size) {
        this.size = Objects.requireNonNull(size, "size");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        Browser browser = store.get(Browser.class, Browser.class);
        if (browser == null) {
            // The first test starts it, so that without Chromium each test is skipped and counted:
            // Surefire reports a class skipped before all its tests as a class without tests.
            store.put(Browser.class, Browser.start(size));
        } else {
            browser.reset(size);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    private static Browser browser(ExtensionContext context) {
        Browser browser = classContext(context).getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser == null) {
            throw new IllegalStateException("no browser was started for " + context.getDisplayName()
                    + ": SharedBrowser starts it before each test, so only test methods can take one");
        }
        return browser;
    }

    /** The context of the test class: a method's, or a repeated or parameterized invocation's, ancestor. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext;
    }
}
