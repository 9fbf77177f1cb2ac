--liquibase formatted sql

--changeset payment-service:013-rate-limit-buckets-unlogged
--comment: A limit's state is not worth a WAL flush on every request: a transaction that writes only unlogged
--comment: tables commits without waiting for the disk. After a database crash or a failover the buckets start full.
ALTER TABLE rate_limit_buckets SET UNLOGGED;
--rollback ALTER TABLE rate_limit_buckets SET LOGGED;
