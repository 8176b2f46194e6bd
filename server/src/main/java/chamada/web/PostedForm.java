package chamada.web;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * A posted form's fields, read by Jetty: the one place every page reads a form, so that a body
 * Jetty cannot read is refused the same way everywhere. For a {@code %} not followed by two
 * hexadecimal digits ({@code code%=1}) or escapes that are not UTF-8 ({@code class=%FF}), Jetty's
 * form parser throws a plain {@link IllegalArgumentException}, which Jetty answers as its own
 * failure (500, with a stack trace in the log); issue 16's fuzzing found both. For a {@code %} at
 * the very end it throws a 400 of its own, which says nothing of why. Here all three become
 * {@link Unreadable}, a 400 whose page says what was wrong ({@link ErrorPage}).
 */
final class PostedForm {

    private PostedForm() {
    }

    /** The fields of {@code request}'s form body. */
    static Fields fields(Request request) {
        try {
            return FormFields.getFields(request);
        } catch (IllegalArgumentException | HttpException.IllegalStateException e) {
            throw new Unreadable(e);
        }
    }

    /** A form body that is not URL-encoded UTF-8 text. */
    static final class Unreadable extends BadMessageException {
        Unreadable(Throwable cause) {
            super(400, "form body is not URL-encoded UTF-8", cause);
        }
    }
}
