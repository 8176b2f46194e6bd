package chamada.teachers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store keeps of the key that signs session tokens: 32 bytes, made once per store,
 * the same on every call and after a restart (so a token outlives one), and another in another
 * store (so a token of one is nothing to the other). A store runs it by extending this class.
 */
public abstract class SessionKeysContract {

    /** A store on fresh, empty data under {@code name}; the test closes it with {@link #close}. */
    protected abstract SessionKeys openStore(String name);

    /** Closes a store this test opened. */
    protected abstract void close(SessionKeys store);

    @Test
    void sessionKey_ofAStore_is32BytesAndTheSameOnEveryCall() {
        SessionKeys store = openStore("one");
        try {
            assertThat(store.sessionKey()).hasSize(32).isEqualTo(store.sessionKey());
        } finally {
            close(store);
        }
    }

    @Test
    void sessionKey_afterARestart_isTheSame() {
        SessionKeys store = openStore("one");
        byte[] before;
        try {
            before = store.sessionKey();
        } finally {
            close(store);
        }
        SessionKeys again = openStore("one");
        try {
            assertThat(again.sessionKey()).isEqualTo(before);
        } finally {
            close(again);
        }
    }

    @Test
    void sessionKey_ofTwoStores_differs() {
        SessionKeys one = openStore("one");
        SessionKeys other = openStore("other");
        try {
            assertThat(one.sessionKey()).isNotEqualTo(other.sessionKey());
        } finally {
            close(one);
            close(other);
        }
    }
}
