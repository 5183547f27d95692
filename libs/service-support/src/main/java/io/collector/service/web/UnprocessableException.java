package io.collector.service.web;

/** The request is well-formed but breaks a business rule (an overpayment, say): 422. */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
