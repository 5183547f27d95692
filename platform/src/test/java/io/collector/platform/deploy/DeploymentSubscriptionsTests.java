package io.collector.platform.deploy;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.asyncapi.AsyncApiDocument;
import io.collector.eventbus.EventHandler;
import io.collector.platform.CollectorPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriptions docs/asyncapi.yaml documents (the spec's consumers plus AsyncApiDocument's extra
 * subscriptions) are exactly the services' {@code @EventHandler}s, i.e. the queues they declare.
 */
class DeploymentSubscriptionsTests {

    @Test
    void documentedSubscriptionsAreTheServicesHandlers() throws Exception {
        Set<String> handled = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (String service : CollectorPlatform.serviceNames()) {
            for (BeanDefinition candidate : scanner.findCandidateComponents("io.collector." + service)) {
                Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(EventHandler.class)) {
                        handled.add(service + "." + EventType.ofPayload(payloadOf(method)).wireName());
                    }
                }
            }
        }
        List<String> documented = new ArrayList<>();
        for (EventType type : EventType.values()) {
            AsyncApiDocument.subscribers(type).forEach(s -> documented.add(s + "." + type.wireName()));
        }
        assertThat(handled).as("queues of the services' @EventHandlers vs. AsyncApiDocument.subscribers "
                + "(update AsyncApiDocument.EXTRA_SUBSCRIPTIONS and regenerate docs/asyncapi.yaml)")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    private static Class<?> payloadOf(Method handler) {
        Type parameter = handler.getGenericParameterTypes()[0];
        if (parameter instanceof ParameterizedType envelope && envelope.getRawType() == EventEnvelope.class) {
            return (Class<?>) envelope.getActualTypeArguments()[0];
        }
        return (Class<?>) parameter;
    }
}
