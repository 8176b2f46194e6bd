package chamada.rollcall;

/** A roll call with its number: the store's id, as history lists it, an export's rows carry it, and a correction names it. */
public record NumberedRollCall(long id, RollCall rollCall) {
}
