package chamada.web;

import java.util.Objects;

/**
 * A problem with one field of a form, said to the person who typed it.
 *
 * @param field   the field's name and element id, which the error summary links to
 * @param message the sentence to show, in the page's language (the one the CLI would print)
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
