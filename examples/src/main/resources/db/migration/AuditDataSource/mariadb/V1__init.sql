-- Generated from the models with dev.ignis.examples.SchemaScripts (mariadb), then kept as the first migration.

create table `AuditEvent` (
    `created_at` datetime(6) not null,
    `id` bigint not null auto_increment,
    `modified_at` datetime(6) not null,
    `action` varchar(255) collate utf8mb4_nopad_bin,
    `actor_id` varchar(255) collate utf8mb4_nopad_bin,
    `configuration_id` varchar(255) collate utf8mb4_nopad_bin,
    primary key (`id`)
) engine=InnoDB;
