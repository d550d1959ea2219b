-- Generated from the models with dev.ignis.examples.SchemaScripts (h2), then kept as the first migration.

create table "Configuration" (
    "created_at" timestamp(6) with time zone not null,
    "modified_at" timestamp(6) with time zone not null,
    "id" varchar(64) not null,
    "code" varchar(255) not null unique,
    "created_by" varchar(255),
    "group" varchar(255),
    "modified_by" varchar(255),
    primary key ("id")
);
    
create table "User" (
    "activated_at" timestamp(6) with time zone,
    "created_at" timestamp(6) with time zone not null,
    "last_login_at" timestamp(6) with time zone,
    "modified_at" timestamp(6) with time zone not null,
    "status" varchar(32),
    "type" varchar(32),
    "id" varchar(64) not null,
    "parent_id" varchar(64),
    "realm" varchar(64),
    "name" varchar(255),
    primary key ("id")
);
