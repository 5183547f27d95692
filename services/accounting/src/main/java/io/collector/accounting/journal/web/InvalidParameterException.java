package io.collector.accounting.journal.web;

/** A query parameter the controller had to check itself (not Bean Validation): a 400 naming the parameter. */
class InvalidParameterException extends RuntimeException {

    private final String parameter;

    InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
