-- Lower-case, unquoted names mean the same on PostgreSQL, MariaDB and H2 (run with DATABASE_TO_LOWER=TRUE).
create table mig_book (
    id varchar(64) not null,
    title varchar(200),
    primary key (id)
);
