package chamada.store;

import chamada.rollcall.RollCallStore;
import chamada.teachers.SessionKeys;

/** Everything a Chamada store keeps, one interface per feature: what {@link StoreConfig#open} gives. */
public interface ChamadaStore extends RollCallStore, SessionKeys {
}
