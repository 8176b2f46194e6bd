package chamada.server.legacy;

import chamada.protocol.legacy.StrictUtf8;

import java.util.List;
import java.util.Optional;

/**
 * What the legacy file download offers: a folder's files ({@link FileFolder}), or a class's
 * materials ({@link ClassMaterialFiles}, with {@code --legacy-files-class}). The seed's client
 * takes text only, whole in one reply, so a file is served as UTF-8 text of at most
 * {@link #MAX_FILE_BYTES} bytes.
 */
interface LegacyFiles {

    /** The largest file served. The seed's own client reads the reply with one {@code recv(2048)}. */
    int MAX_FILE_BYTES = 1 << 20;

    /** What the log and the start-up line say is offered. */
    String describe();

    /** The names offered, sorted, as the menu numbers them. */
    List<String> names();

    /** The text of {@code name}, one of the names {@link #names()} returned. */
    Content read(String name);

    /** What reading one file came to. */
    sealed interface Content {
        record Text(String text) implements Content {
        }

        record TooBig() implements Content {
        }

        record NotText() implements Content {
        }

        /** Gone, or no longer a regular file, since the listing. */
        record Gone() implements Content {
        }

        /** What {@code bytes}, read up to one past the limit, come to. */
        static Content of(byte[] bytes) {
            if (bytes.length > MAX_FILE_BYTES) {
                return new TooBig();
            }
            Optional<String> text = StrictUtf8.decode(bytes);
            return text.<Content>map(Text::new).orElseGet(NotText::new);
        }
    }
}
