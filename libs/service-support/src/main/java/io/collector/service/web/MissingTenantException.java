package io.collector.service.web;

/** An authenticated caller whose credential names no tenant: 403, since every resource belongs to one. */
public class MissingTenantException extends RuntimeException {

    public MissingTenantException() {
        super("The token has no tenant_id claim; every Collector resource belongs to a tenant");
    }
}
