package chamada.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the {@code --port} of a server to connect to: 1 to 65535. */
final class PortConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            // Parsed before --lang is known, so said in both languages, like picocli's own errors are in one.
            throw new TypeConversionException("a port from 1 to 65535 / uma porta de 1 a 65535, got \"" + value + "\"");
        }
        return port;
    }
}
