package io.collector.service.web;

/** The resource does not exist for this tenant (another tenant's resource included): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found");
    }
}
