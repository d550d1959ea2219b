-- Generated from the models with dev.ignis.examples.SchemaScripts (mariadb), then kept as the first migration.

create table `Configuration` (
    `created_at` datetime(6) not null,
    `modified_at` datetime(6) not null,
    `id` varchar(64) collate utf8mb4_nopad_bin not null,
    `code` varchar(255) collate utf8mb4_nopad_bin not null,
    `created_by` varchar(255) collate utf8mb4_nopad_bin,
    `group` varchar(255) collate utf8mb4_nopad_bin,
    `modified_by` varchar(255) collate utf8mb4_nopad_bin,
    primary key (`id`)
) engine=InnoDB;
    
create table `User` (
    `activated_at` datetime(6),
    `created_at` datetime(6) not null,
    `last_login_at` datetime(6),
    `modified_at` datetime(6) not null,
    `status` varchar(32) collate utf8mb4_nopad_bin,
    `type` varchar(32) collate utf8mb4_nopad_bin,
    `id` varchar(64) collate utf8mb4_nopad_bin not null,
    `parent_id` varchar(64) collate utf8mb4_nopad_bin,
    `realm` varchar(64) collate utf8mb4_nopad_bin,
    `name` varchar(255) collate utf8mb4_nopad_bin,
    primary key (`id`)
) engine=InnoDB;
    
alter table if exists `Configuration` 
   add constraint `UK3wdslhqe7gltct6q9jso49y7c` unique (`code`);
