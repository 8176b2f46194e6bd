package chamada.cli;

import java.util.Optional;

/** Asks for a secret without echoing it; empty when there is no terminal to ask on. */
@FunctionalInterface
interface SecretReader {

    Optional<String> read(String prompt);
}
