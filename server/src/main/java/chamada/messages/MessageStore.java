package chamada.messages;

import chamada.rollcall.ClassId;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where class messages are kept: the same store as the roll calls, whose rosters decide who may
 * write.
 *
 * <p>Contract (the store contract suite checks it for every store):
 * <ul>
 *   <li>{@link #post} stores the message and completes only once it is durable; a message with a
 *       sender, to a class with a roster, is stored only if the sender is on it (else
 *       {@link PostResult.NotInRoster}, nothing stored). An anonymous one is not checked.</li>
 *   <li>Ids grow in the order messages are stored in one class, and are never given twice.</li>
 *   <li>{@link #inbox} lists one class's messages only, oldest first; {@link #markRead} marks only
 *       that class's, and says how many were unread before.</li>
 *   <li>A class does not take anonymous messages until its teacher allows them.</li>
 *   <li>The store tells the class's live views of each message once it is durable.</li>
 *   <li>{@link #show} shows only a message of the class's own inbox ({@link ShowResult.NotInInbox}
 *       otherwise, nothing changed); {@link #shown} answers the last choice, empty once its
 *       message is gone (a purge); the class's views are told of each choice.</li>
 * </ul>
 */
public interface MessageStore {

    CompletableFuture<PostResult> post(Posting posting);

    /**
     * {@code classId}'s messages, oldest first, at most {@code limit}: the newest of all, or the
     * oldest of those not read yet.
     */
    CompletableFuture<List<ClassMessage>> inbox(ClassId classId, boolean unreadOnly, int limit);

    /** Marks {@code ids}, those of them in {@code classId}'s inbox, read at {@code at}; answers how many were unread. */
    CompletableFuture<Integer> markRead(ClassId classId, List<Long> ids, OffsetDateTime at);

    /** Whether {@code classId} takes messages without a matrícula. */
    CompletableFuture<Boolean> anonymousAllowed(ClassId classId);

    /** Lets {@code classId} take messages without a matrícula, or stops it; answers the setting. */
    CompletableFuture<Boolean> allowAnonymous(ClassId classId, boolean allowed);

    /** Shows message {@code id} of {@code classId}'s inbox on the class's screen (empty: none), chosen at {@code at}. */
    CompletableFuture<ShowResult> show(ClassId classId, Optional<Long> id, OffsetDateTime at);

    /** The message {@code classId}'s screen shows, if any. */
    CompletableFuture<Optional<ClassMessage>> shown(ClassId classId);
}
