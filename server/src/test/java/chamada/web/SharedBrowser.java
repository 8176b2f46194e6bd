package chamada.web;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

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
 * Given several sizes, it starts one browser per size, each with its own cookies and storage,
 * as a student's phone and the teacher's computer have, and hands them to a test's
 * {@code Browser} parameters in the same order: {@code new SharedBrowser(WindowSize.PHONE,
 * WindowSize.PROJECTOR)} gives {@code void test(Browser phone, Browser projector)}, as it does to
 * {@code @BeforeEach} methods (which run once the browsers are ready).
 * The first test starts them; before each later one it {@linkplain Browser#reset resets} each to a
 * blank page, without cookies, at its size; after the last one they quit. Without Chromium each
 * test is skipped, in one line saying what is missing. The browsers live in the class's JUnit
 * store, not in the extension, which holds only the sizes: the field stays constant.
 */
public final class SharedBrowser implements BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    private final List<WindowSize> sizes;

    /** An extension with one browser per size, each started, and reset before every test, at its size. */
    public SharedBrowser(WindowSize size, WindowSize... more) {
        List<WindowSize> all = new ArrayList<>();
        all.add(size);
        all.addAll(List.of(more));
        this.sizes = List.copyOf(all);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        Browsers browsers = store.get(Browsers.class, Browsers.class);
        if (browsers == null) {
            // The first test starts them, so that without Chromium each test is skipped and counted:
            // Surefire reports a class skipped before all its tests as a class without tests.
            store.put(Browsers.class, Browsers.start(sizes));
        } else {
            for (int i = 0; i < sizes.size(); i++) {
                browsers.all().get(i).reset(sizes.get(i));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browsers browsers = context.getStore(NAMESPACE).remove(Browsers.class, Browsers.class);
        if (browsers != null) {
            browsers.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browsers browsers = classContext(context).getStore(NAMESPACE).get(Browsers.class, Browsers.class);
        if (browsers == null) {
            throw new IllegalStateException("no browser was started for " + context.getDisplayName()
                    + ": SharedBrowser starts them before each test, so only test methods and their @BeforeEach and"
                    + " @AfterEach methods can take one");
        }
        // The how-manieth Browser parameter this is: the first gets the first size's browser.
        Parameter[] parameters = parameter.getDeclaringExecutable().getParameters();
        int nth = 0;
        for (int i = 0; i < parameter.getIndex(); i++) {
            if (parameters[i].getType() == Browser.class) {
                nth++;
            }
        }
        if (nth >= browsers.all().size()) {
            throw new IllegalStateException(context.getDisplayName() + " takes more Browser parameters than the "
                    + browsers.all().size() + " sizes its SharedBrowser was given");
        }
        return browsers.all().get(nth);
    }

    /** The browsers of one test class, in the order of their sizes. */
    private record Browsers(List<Browser> all) {

        static Browsers start(List<WindowSize> sizes) {
            List<Browser> started = new ArrayList<>();
            try {
                for (WindowSize size : sizes) {
                    started.add(Browser.start(size));
                }
            } catch (RuntimeException | Error e) {
                // A skip (no Chromium) or a failed start: quit those already started.
                started.forEach(Browser::close);
                throw e;
            }
            return new Browsers(List.copyOf(started));
        }

        void close() {
            all.forEach(Browser::close);
        }
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
