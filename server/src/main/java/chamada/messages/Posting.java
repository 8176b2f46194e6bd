package chamada.messages;

import chamada.rollcall.ClassId;
import chamada.rollcall.Matricula;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A message a student sends to {@code classId}'s inbox, as the service lets it reach the store. */
public record Posting(ClassId classId, Optional<Matricula> sender, MessageText text, OffsetDateTime at) {
}
