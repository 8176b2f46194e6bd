package chamada.messages;

import chamada.privacy.Forget;
import chamada.privacy.ForgetResult;
import chamada.privacy.StudentRecords;
import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;
import chamada.rollcall.RollCallEvent;
import chamada.rollcall.RollCallEvents;
import chamada.rollcall.TeacherName;
import chamada.roster.RosterEntry;
import chamada.roster.StudentName;
import chamada.store.ChamadaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static chamada.rollcall.StoreFutures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The class-message rules every store keeps, as {@link MessageStore}'s Javadoc states them: a
 * message durable and numbered, a sender checked against the class's roster, inboxes apart per
 * class, read marks, the anonymity setting, the live views told, a forget reaching the messages,
 * and all of it surviving a reopen. A store runs it by extending this class.
 */
public abstract class MessageStoreContract {

    protected static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final ClassId CLASS = new ClassId(1010);
    private static final ClassId OTHER_CLASS = new ClassId(2020);
    private static final Matricula ALICE = new Matricula("042191010");
    private static final Matricula BETO = new Matricula("205182055");
    private static final Instant START = Instant.parse("2026-12-01T11:00:00Z");

    protected ChamadaStore store;
    private int ticks;

    protected abstract ChamadaStore openStore();

    protected abstract ChamadaStore reopen(ChamadaStore store);

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private OffsetDateTime tick() {
        return START.plusSeconds(ticks++).atZone(ZONE).toOffsetDateTime();
    }

    private PostResult post(ClassId classId, Optional<Matricula> sender, String text) {
        return await(store.post(new Posting(classId, sender, new MessageText(text), tick())));
    }

    private ClassMessage posted(ClassId classId, Matricula sender, String text) {
        PostResult result = post(classId, Optional.of(sender), text);
        assertThat(result).isInstanceOf(PostResult.Posted.class);
        return ((PostResult.Posted) result).message();
    }

    @Test
    void post_isInTheInbox_withItsSenderTextAndTime_unread() {
        OffsetDateTime at = START.atZone(ZONE).toOffsetDateTime();
        ClassMessage message = posted(CLASS, ALICE, "Posso entregar amanhã?\nObrigada.");

        assertThat(message.at()).isEqualTo(at);
        assertThat(await(store.inbox(CLASS, false, 100))).containsExactly(
                new ClassMessage(message.id(), CLASS, Optional.of(ALICE), new MessageText("Posso entregar amanhã?\nObrigada."),
                        at, false));
    }

    @Test
    void inbox_isTheClassesOwn_oldestFirst_theNewestUpToTheLimit_orTheOldestUnread() {
        ClassMessage first = posted(CLASS, ALICE, "primeira");
        posted(OTHER_CLASS, BETO, "de outra turma");
        ClassMessage second = posted(CLASS, BETO, "segunda");
        ClassMessage third = posted(CLASS, ALICE, "terceira");

        assertThat(await(store.inbox(CLASS, false, 100))).extracting(ClassMessage::id)
                .containsExactly(first.id(), second.id(), third.id());
        assertThat(await(store.inbox(CLASS, false, 2))).as("the newest, oldest first").extracting(ClassMessage::id)
                .containsExactly(second.id(), third.id());
        assertThat(await(store.inbox(CLASS, true, 2))).as("the oldest unread").extracting(ClassMessage::id)
                .containsExactly(first.id(), second.id());
        assertThat(await(store.inbox(OTHER_CLASS, false, 100))).extracting(m -> m.text().value())
                .containsExactly("de outra turma");
        assertThat(first.id()).isLessThan(second.id());
        assertThat(second.id()).isLessThan(third.id());
    }

    @Test
    void markRead_marksOnlyTheClassesOwn_andCountsThoseUnreadBefore() {
        ClassMessage first = posted(CLASS, ALICE, "primeira");
        ClassMessage other = posted(OTHER_CLASS, BETO, "de outra turma");
        ClassMessage second = posted(CLASS, BETO, "segunda");

        assertThat(await(store.markRead(CLASS, List.of(first.id(), other.id()), tick()))).isEqualTo(1);
        assertThat(await(store.markRead(CLASS, List.of(first.id(), second.id()), tick()))).isEqualTo(1);

        assertThat(await(store.inbox(CLASS, true, 100))).isEmpty();
        assertThat(await(store.inbox(CLASS, false, 100))).extracting(ClassMessage::read).containsExactly(true, true);
        assertThat(await(store.inbox(OTHER_CLASS, true, 100))).extracting(ClassMessage::id).containsExactly(other.id());
    }

    @Test
    void post_toAClassWithARoster_fromSomebodyNotOnIt_isRefused_andNothingStored() {
        await(store.replaceRoster(CLASS, List.of(new RosterEntry(ALICE, new StudentName("Alice Souza")))));

        assertThat(post(CLASS, Optional.of(BETO), "oi")).isEqualTo(new PostResult.NotInRoster(CLASS, BETO));
        assertThat(post(CLASS, Optional.of(ALICE), "oi")).isInstanceOf(PostResult.Posted.class);
        assertThat(post(CLASS, Optional.empty(), "anônima")).isInstanceOf(PostResult.Posted.class);
        assertThat(post(OTHER_CLASS, Optional.of(BETO), "turma sem lista")).isInstanceOf(PostResult.Posted.class);
        assertThat(await(store.inbox(CLASS, false, 100))).extracting(ClassMessage::sender)
                .containsExactly(Optional.of(ALICE), Optional.empty());
    }

    @Test
    void anonymous_isOffUntilAllowed_perClass() {
        assertThat(await(store.anonymousAllowed(CLASS))).isFalse();

        assertThat(await(store.allowAnonymous(CLASS, true))).isTrue();

        assertThat(await(store.anonymousAllowed(CLASS))).isTrue();
        assertThat(await(store.anonymousAllowed(OTHER_CLASS))).isFalse();
        await(store.allowAnonymous(CLASS, false));
        assertThat(await(store.anonymousAllowed(CLASS))).isFalse();
    }

    @Test
    void messagesAndSettings_surviveAReopen_andIdsAreNotGivenAgain() {
        ClassMessage first = posted(CLASS, ALICE, "antes");
        await(store.markRead(CLASS, List.of(first.id()), tick()));
        await(store.allowAnonymous(CLASS, true));

        store = reopen(store);

        assertThat(await(store.inbox(CLASS, false, 100))).extracting(m -> m.text().value(), ClassMessage::read)
                .containsExactly(tuple("antes", true));
        assertThat(await(store.anonymousAllowed(CLASS))).isTrue();
        assertThat(posted(CLASS, BETO, "depois").id()).isGreaterThan(first.id());
    }

    @Test
    void post_tellsTheClassesViews_onceStored() throws InterruptedException {
        LinkedBlockingQueue<RollCallEvent> heard = new LinkedBlockingQueue<>();
        try (RollCallEvents.Subscription subscription = store.events().subscribe(CLASS, heard::add)) {
            ClassMessage message = posted(CLASS, ALICE, "alguém aí?");
            posted(OTHER_CLASS, BETO, "não é para esta turma");

            RollCallEvent event = heard.poll(30, TimeUnit.SECONDS);
            assertThat(event).isEqualTo(new RollCallEvent.MessagePosted(CLASS, message.id(), Optional.of(ALICE),
                    "alguém aí?", message.at()));
            assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void show_takesOnlyAMessageOfTheClassesOwnInbox_andNoneHidesIt_andTheChoiceSurvivesAReopen() {
        ClassMessage question = posted(CLASS, ALICE, "A prova é sexta?");
        ClassMessage elsewhere = posted(OTHER_CLASS, BETO, "outra turma");
        await(store.allowAnonymous(CLASS, true));

        ShowResult shown = await(store.show(CLASS, Optional.of(question.id()), tick()));
        ShowResult refused = await(store.show(CLASS, Optional.of(elsewhere.id()), tick()));
        ShowResult unknown = await(store.show(CLASS, Optional.of(elsewhere.id() + 1000), tick()));

        assertThat(shown).isInstanceOfSatisfying(ShowResult.Shown.class,
                result -> assertThat(result.question()).contains(question));
        assertThat(refused).isEqualTo(new ShowResult.NotInInbox(CLASS, elsewhere.id()));
        assertThat(unknown).isEqualTo(new ShowResult.NotInInbox(CLASS, elsewhere.id() + 1000));
        assertThat(await(store.shown(CLASS))).contains(question);
        assertThat(await(store.shown(OTHER_CLASS))).isEmpty();
        assertThat(await(store.anonymousAllowed(CLASS))).as("the class's other setting").isTrue();
        store = reopen(store);
        assertThat(await(store.shown(CLASS))).contains(question);
        assertThat(await(store.show(CLASS, Optional.empty(), tick()))).isInstanceOfSatisfying(ShowResult.Shown.class,
                result -> assertThat(result.question()).isEmpty());
        assertThat(await(store.shown(CLASS))).isEmpty();
        assertThat(await(store.show(OTHER_CLASS, Optional.empty(), tick()))).isInstanceOf(ShowResult.Shown.class);
        assertThat(await(store.anonymousAllowed(OTHER_CLASS))).as("a class's row made by a show").isFalse();
    }

    @Test
    void show_tellsTheClassesViews_theQuestionWithoutItsSender() throws InterruptedException {
        ClassMessage message = posted(CLASS, ALICE, "Pode repetir?");
        LinkedBlockingQueue<RollCallEvent> heard = new LinkedBlockingQueue<>();
        try (RollCallEvents.Subscription subscription = store.events().subscribe(CLASS, heard::add)) {
            OffsetDateTime shownAt = tick();
            await(store.show(CLASS, Optional.of(message.id()), shownAt));
            OffsetDateTime hiddenAt = tick();
            await(store.show(CLASS, Optional.empty(), hiddenAt));

            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo(new RollCallEvent.QuestionShown(CLASS,
                    Optional.of(new RollCallEvent.Question(message.id(), "Pode repetir?")), shownAt));
            assertThat(heard.poll(30, TimeUnit.SECONDS)).isEqualTo(new RollCallEvent.QuestionShown(CLASS,
                    Optional.empty(), hiddenAt));
        }
    }

    @Test
    void concurrentPosts_areEachStoredOnce_withTheirOwnIds() {
        List<CompletableFuture<PostResult>> futures = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> futures.add(store.post(new Posting(CLASS, Optional.of(ALICE),
                new MessageText("pergunta " + i), tick()))));

        List<Long> ids = new ArrayList<>();
        for (CompletableFuture<PostResult> future : futures) {
            ids.add(((PostResult.Posted) await(future)).message().id());
        }

        assertThat(ids).doesNotHaveDuplicates();
        List<ClassMessage> inbox = await(store.inbox(CLASS, false, 100));
        assertThat(inbox).hasSize(50);
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        assertThat(inbox).extracting(ClassMessage::id).containsExactlyElementsOf(sorted);
    }

    @Test
    void aPurgeOrAForgetOfTheMessageShown_takesItOffTheScreen_andNoNewMessageTakesItsPlace() {
        ClassMessage old = posted(CLASS, ALICE, "antiga");
        ClassMessage alices = posted(OTHER_CLASS, ALICE, "da Alice");
        await(store.show(CLASS, Optional.of(old.id()), tick()));
        await(store.show(OTHER_CLASS, Optional.of(alices.id()), tick()));

        await(store.deleteClosedBefore(old.at().plusNanos(1_000_000)));
        await(store.forget(new Forget(ALICE, new Matricula("00123456789012345678"), new TeacherName("diretora"),
                tick())));
        ClassMessage next = posted(CLASS, BETO, "nova");

        assertThat(await(store.shown(CLASS))).isEmpty();
        assertThat(await(store.shown(OTHER_CLASS))).isEmpty();
        assertThat(next.id()).isGreaterThan(alices.id());
    }

    @Test
    void forget_renamesTheSender_andBlanksWhatTheyWrote_keepingTheCount() {
        posted(CLASS, ALICE, "Sou a Alice, da turma 1010");
        posted(CLASS, BETO, "Sou o Beto");
        assertThat(await(store.studentRecords(ALICE)).messages()).extracting(StudentRecords.MessageRecord::text)
                .containsExactly("Sou a Alice, da turma 1010");

        ForgetResult result = await(store.forget(new Forget(ALICE, new Matricula("00123456789012345678"),
                new TeacherName("diretora"), tick())));

        assertThat(result).isInstanceOf(ForgetResult.Forgotten.class);
        List<ClassMessage> inbox = await(store.inbox(CLASS, false, 100));
        assertThat(inbox).extracting(m -> m.text().value()).containsExactly("-", "Sou o Beto");
        assertThat(inbox).extracting(ClassMessage::sender)
                .containsExactly(Optional.of(new Matricula("00123456789012345678")), Optional.of(BETO));
        assertThat(await(store.studentRecords(ALICE)).isEmpty()).isTrue();
    }
}
