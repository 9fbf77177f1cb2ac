--liquibase formatted sql

--changeset payment-service:011-admin-users
--comment: Console and API users, with a DelegatingPasswordEncoder hash ({bcrypt}…) and one role each.
CREATE TABLE admin_users (
    username      text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT admin_users_pkey PRIMARY KEY (username),
    CONSTRAINT admin_users_role_known CHECK (role IN ('viewer', 'operator', 'admin'))
);
-- Sign-in is case-insensitive (as the throttle's username key is): no two users differ only in case.
CREATE UNIQUE INDEX admin_users_username_lower_key ON admin_users (lower(username));
--rollback DROP TABLE admin_users;

--changeset payment-service:011-history-actor
--comment: Who made an admin change (the signed-in username); null for the API, webhooks and the reconciler.
ALTER TABLE payment_status_history ADD COLUMN actor text;
--rollback ALTER TABLE payment_status_history DROP COLUMN actor;

--changeset payment-service:011-spring-session
--comment: Spring Session JDBC's PostgreSQL schema (schema-postgresql.sql of spring-session-jdbc 4.1): console sessions any instance can serve.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);
--rollback DROP TABLE spring_session_attributes; DROP TABLE spring_session;
