package chamada.roster;

import chamada.rollcall.ClassId;

/**
 * What replacing a class's roster changed: students new to it, students whose name changed,
 * students no longer on it, and how many it has now.
 */
public record RosterChange(ClassId classId, int added, int renamed, int removed, int total) {
}
