package io.collector.service.web;

/** The request is valid but clashes with the resource's current state (an illegal status change): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
