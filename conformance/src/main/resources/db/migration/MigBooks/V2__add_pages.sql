alter table mig_book add column pages integer;
