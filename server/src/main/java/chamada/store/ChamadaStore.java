package chamada.store;

import chamada.attendance.AttendanceStore;
import chamada.backup.BackupStore;
import chamada.materials.MaterialStore;
import chamada.messages.MessageStore;
import chamada.privacy.PrivacyStore;
import chamada.rollcall.ClassDefaults;
import chamada.rollcall.ClassTeachers;
import chamada.rollcall.RollCallStore;
import chamada.roster.RosterStore;
import chamada.teachers.AccountStore;
import chamada.teachers.SessionKeys;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Everything a Chamada store keeps, one interface per feature: what the server opens from its
 * {@code StoreConfig}. Its meters ({@link StoreMeters}) join the server's when bound.
 */
public interface ChamadaStore extends RollCallStore, RosterStore, AttendanceStore, AccountStore, ClassTeachers,
        ClassDefaults, PrivacyStore, MessageStore, MaterialStore, SessionKeys, BackupStore, MeterBinder {
}
