package chamada.messages;

import chamada.error.ChamadaException;
import chamada.error.ErrorCode;
import chamada.i18n.HumanCount;
import chamada.rollcall.Caller;
import chamada.rollcall.ClassId;
import chamada.rollcall.ClassTeachers;
import chamada.rollcall.Matricula;
import chamada.rollcall.Outcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may write to a class and read its inbox, the same for every front: anybody writes (students
 * do not log in), within {@link PostingLimits}, anonymously only where the class's teacher allows
 * it; a teacher of the class ({@link chamada.rollcall.ClassAccess}) reads, marks read and chooses
 * anonymity. Whether a sender may write to a class with a roster is the store's decision
 * ({@link MessageStore}).
 */
public final class MessageService {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    /** The most messages one inbox reply holds: all of them, the newest; unread, the oldest, so marking them read shows the next. */
    public static final int INBOX_LIMIT = 500;
    /** The most ids one mark-read names. */
    public static final int MARK_LIMIT = INBOX_LIMIT;

    private final MessageStore store;
    private final ClassTeachers classes;
    private final PostingLimits limits;
    private final Clock clock;

    public MessageService(MessageStore store, ClassTeachers classes, PostingLimits limits, Clock clock) {
        this.store = store;
        this.classes = classes;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Stores a message from {@code from} to {@code classId}'s teachers: refused with
     * {@link ErrorCode#TOO_MANY_MESSAGES} past the posting rate, with
     * {@link ErrorCode#ANONYMOUS_NOT_ALLOWED} without a sender where the class wants one.
     */
    public CompletableFuture<PostResult> post(ClassId classId, Optional<Matricula> sender, MessageText text,
                                              InetAddress from) {
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Optional<Duration> wait = limits.take(classId, sender, from, at.toInstant());
        if (wait.isPresent()) {
            return CompletableFuture.failedFuture(new ChamadaException(ErrorCode.TOO_MANY_MESSAGES,
                    HumanCount.seconds(wait.get())));
        }
        Posting posting = new Posting(classId, sender, text, at);
        CompletableFuture<PostResult> posted = sender.isPresent() ? store.post(posting)
                : store.anonymousAllowed(classId).thenCompose(allowed -> allowed ? store.post(posting)
                        : CompletableFuture.failedFuture(new ChamadaException(ErrorCode.ANONYMOUS_NOT_ALLOWED, classId)));
        return Outcomes.guarded(posted.thenApply(result -> {
            if (result instanceof PostResult.Posted stored) {
                log.debug("Message {} to class {} stored", stored.message().id(), classId);
            }
            return result;
        }));
    }

    /** {@code classId}'s inbox, oldest first, at most {@link #INBOX_LIMIT}; a teacher of the class reads it. */
    public CompletableFuture<List<ClassMessage>> inbox(Caller caller, ClassId classId, boolean unreadOnly) {
        return Outcomes.forClass(caller, classId, classes,
                (teacher, access) -> store.inbox(classId, unreadOnly, INBOX_LIMIT));
    }

    /** Marks {@code ids} of {@code classId}'s inbox read; answers how many were unread. */
    public CompletableFuture<Integer> markRead(Caller caller, ClassId classId, List<Long> ids) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.markRead(classId, ids,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
    }

    /** The message {@code classId}'s question screen shows, if any; a teacher of the class asks. */
    public CompletableFuture<Optional<ClassMessage>> shown(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.shown(classId));
    }

    /**
     * Shows message {@code id} of {@code classId}'s inbox on the class's question screen, or none;
     * a teacher of the class chooses. The screen shows the text, never the sender.
     */
    public CompletableFuture<ShowResult> show(Caller caller, ClassId classId, Optional<Long> id) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.show(classId, id,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
    }

    /** Whether {@code classId} takes anonymous messages; a teacher of the class asks. */
    public CompletableFuture<Boolean> anonymousAllowed(Caller caller, ClassId classId) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.anonymousAllowed(classId));
    }

    /** Lets {@code classId} take anonymous messages, or stops it; a teacher of the class chooses. */
    public CompletableFuture<Boolean> allowAnonymous(Caller caller, ClassId classId, boolean allowed) {
        return Outcomes.forClass(caller, classId, classes, (teacher, access) -> store.allowAnonymous(classId, allowed)
                .thenApply(setting -> {
                    log.info("Class {} {} anonymous messages ({})", classId, setting ? "takes" : "refuses", teacher.name());
                    return setting;
                }));
    }
}
