package chamada.store;

import chamada.rollcall.RollCall;

/** A roll call as SQLite holds it: its id and its contents. */
record StoredRollCall(long id, RollCall rollCall) {
}
