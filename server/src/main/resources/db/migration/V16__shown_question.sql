-- V16: the question a class's teacher shows on the projector (issue 14): a message's id, NULL when
-- none is shown. A class's row is made by the first choice of either setting.
ALTER TABLE class_inboxes ADD COLUMN shown INTEGER NULL;
