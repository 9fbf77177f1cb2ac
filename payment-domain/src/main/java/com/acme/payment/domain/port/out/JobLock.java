package com.acme.payment.domain.port.out;

/** Lets one app instance at a time run a background job, when several instances share the database. */
public interface JobLock {

    /** Runs {@code job} unless another instance is running a job of the same name; returns whether it ran. */
    boolean runExclusively(String jobName, Runnable job);
}
