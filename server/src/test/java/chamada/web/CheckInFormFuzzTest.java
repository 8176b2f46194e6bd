package chamada.web;

import chamada.i18n.Lang;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.Fields;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the phone page's check-in form as {@code POST /check-in} reads it (issue 16,
 * RELIABILITY.md "Fuzzing"), without HTTP: the input is the posted body, which Jetty's
 * {@link FormFields} parses with its default limits, and {@link CheckInFields#read} then checks
 * with the CLI's rules, as {@link CheckInAction} does. The only outcomes allowed are Jetty's
 * refusals of a body it cannot read ({@link BadMessageException}, a 400; and, for a bad escape,
 * its {@link IllegalArgumentException} or {@link HttpException.IllegalStateException}, which
 * {@link PostedForm} turns into a 400 page saying so), a check-in, or the form again with an error
 * beside each refused field, in both languages.
 */
class CheckInFormFuzzTest {

    private static final List<String> FIELDS = List.of(CheckInForm.CLASS, CheckInForm.MATRICULA, CheckInForm.CODE);

    @FuzzTest
    void postedBodies_becomeCheckInsOrFieldErrors(byte[] body) {
        Fields fields;
        try {
            fields = FormFields.getFields(new ByteBufferContentSource(ByteBuffer.wrap(body)), new Attributes.Mapped(),
                    StandardCharsets.UTF_8, FormFields.MAX_FIELDS_DEFAULT, FormFields.MAX_LENGTH_DEFAULT);
        } catch (BadMessageException refused) {
            assertThat(refused.getCode()).isEqualTo(400);
            return;
        } catch (IllegalArgumentException | HttpException.IllegalStateException badEscape) {
            return; // PostedForm.Unreadable, in the server (PhoneCheckInTest)
        }
        for (Lang lang : Lang.values()) {
            switch (CheckInFields.read(fields, lang)) {
                case CheckInFields.Valid valid -> assertThat(valid.typed().errors()).isEmpty();
                case CheckInFields.Invalid invalid -> {
                    assertThat(invalid.form().errors()).isNotEmpty();
                    for (FieldError error : invalid.form().errors()) {
                        assertThat(error.field()).isIn(FIELDS);
                        assertThat(error.message()).isNotBlank();
                    }
                }
            }
        }
    }
}
