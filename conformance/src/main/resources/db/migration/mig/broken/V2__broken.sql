-- The first statement works, the second names a table that does not exist.
alter table mig_book add column pages integer;
insert into mig_missing (id) values ('x');
