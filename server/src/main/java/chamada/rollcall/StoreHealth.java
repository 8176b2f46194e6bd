package chamada.rollcall;

import chamada.i18n.Bilingual;
import chamada.i18n.Lang;

import java.util.List;

/** Whether a store is doing all it promises, and if not, what is wrong, in both languages. */
public sealed interface StoreHealth {

    /** Every promise kept. */
    record Healthy() implements StoreHealth {
    }

    /**
     * Still answering, but something needs a person: for example, writes are acknowledged into
     * the journal while the database refuses to take them.
     */
    record Unhealthy(Bilingual problem, List<Object> args) implements StoreHealth {
        public Unhealthy {
            args = List.copyOf(args);
        }

        /** The problem as a person reads it in {@code lang}. */
        public String message(Lang lang) {
            return problem.format(lang, args.toArray());
        }
    }
}
