-- V5: who closed each roll call (issue 13): the teacher's name, or "(server)" for one the server
-- closed by itself once --auto-close-after had passed. NULL for roll calls closed before this
-- version, whose closer was not kept.
ALTER TABLE roll_calls ADD COLUMN closed_by TEXT NULL;
