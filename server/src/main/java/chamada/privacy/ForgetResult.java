package chamada.privacy;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

/** What a {@link Forget} came to: the store's decision. */
public sealed interface ForgetResult {

    /** Done: the matrícula is {@code pseudonym} everywhere, and no file of the store holds it any more. */
    record Forgotten(Matricula pseudonym) implements ForgetResult {
    }

    /** Chamada holds nothing about the matrícula (a typo, or a student forgotten already); nothing was changed. */
    record NothingHeld() implements ForgetResult {
    }

    /** The student is in the open roll call of {@code classId}: close it first; nothing was changed. */
    record InOpenRollCall(ClassId classId) implements ForgetResult {
    }
}
