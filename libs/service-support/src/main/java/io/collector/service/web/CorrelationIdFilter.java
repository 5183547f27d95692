package io.collector.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Correlation-Id} in → MDC → every log line and every event this request publishes → the
 * response header. A request without one (or with an unusable one) gets a new id. A W3C
 * {@code traceparent} is carried the same way, so published events continue the caller's trace.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = given != null && USABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String traceparent = request.getHeader("traceparent");
        MDC.put(MDC_KEY, correlationId);
        if (traceparent != null) {
            MDC.put("traceparent", traceparent);
        }
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove("traceparent");
        }
    }
}
