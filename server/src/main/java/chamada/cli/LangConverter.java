package chamada.cli;

import chamada.error.Expected;
import chamada.i18n.Lang;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --lang}: {@code pt-BR}, {@code pt}, {@code en}, {@code en-US}, ... */
final class LangConverter implements ITypeConverter<Lang> {

    @Override
    public Lang convert(String value) {
        // Whichever language was meant is unknown yet, so the error says it in both.
        return Lang.parse(value).orElseThrow(() -> new TypeConversionException(
                Expected.LANG.en() + " / " + Expected.LANG.pt() + ", got \"" + value + "\""));
    }
}
