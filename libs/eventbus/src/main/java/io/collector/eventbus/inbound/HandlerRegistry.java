package io.collector.eventbus.inbound;

import io.collector.eventbus.EventHandler;
import io.collector.eventbus.topology.QueueNames;
import io.collector.events.EventEnvelope;
import io.collector.events.EventPayload;
import io.collector.events.EventType;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@link EventHandler} methods of the application's beans, and takes handlers registered
 * in code. One handler per event type per service: a second one fails start-up.
 */
public class HandlerRegistry implements BeanPostProcessor {

    private final String service;
    private final int defaultMaxRetries;
    private final Map<EventType, HandlerBinding> bindings = Collections.synchronizedMap(new LinkedHashMap<>());

    public HandlerRegistry(String service, int defaultMaxRetries) {
        this.service = service;
        this.defaultMaxRetries = defaultMaxRetries;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        Map<Method, EventHandler> methods = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<EventHandler>) m -> AnnotatedElementUtils.findMergedAnnotation(m, EventHandler.class));
        methods.forEach((method, annotation) -> register(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), annotation, beanName));
        return bean;
    }

    /** Registers a handler in code, e.g. for a generic consumer. Negative maxRetries means the default. */
    public void register(EventType type, int maxRetries, HandlerBinding.Invoker invoker) {
        add(new HandlerBinding(type, QueueNames.queue(service, type.wireName()),
                maxRetries < 0 ? defaultMaxRetries : maxRetries, invoker), type.wireName() + " (registered in code)");
    }

    public Collection<HandlerBinding> bindings() {
        return List.copyOf(bindings.values());
    }

    public Optional<HandlerBinding> binding(EventType type) {
        return Optional.ofNullable(bindings.get(type));
    }

    private void register(Object bean, Method method, EventHandler annotation, String beanName) {
        String where = beanName + "." + method.getName();
        if (method.getParameterCount() != 1) {
            throw new IllegalStateException("@EventHandler " + where + " must take exactly one parameter: the payload record or EventEnvelope<payload>");
        }
        ResolvableType parameter = ResolvableType.forMethodParameter(method, 0);
        boolean wantsEnvelope = EventEnvelope.class.equals(parameter.resolve());
        Class<?> payload = wantsEnvelope ? parameter.getGeneric(0).resolve() : parameter.resolve();
        if (payload == null || !EventPayload.class.isAssignableFrom(payload)) {
            throw new IllegalStateException("@EventHandler " + where + " must take an event payload record or EventEnvelope<payload>, not " + parameter);
        }
        EventType type = EventType.ofPayload(payload);
        method.setAccessible(true);
        HandlerBinding.Invoker invoker = event -> {
            try {
                method.invoke(bean, wantsEnvelope ? event : event.data());
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
        int maxRetries = annotation.maxRetries() < 0 ? defaultMaxRetries : annotation.maxRetries();
        add(new HandlerBinding(type, QueueNames.queue(service, type.wireName()), maxRetries, invoker), where);
    }

    private void add(HandlerBinding binding, String where) {
        HandlerBinding existing = bindings.putIfAbsent(binding.type(), binding);
        if (existing != null) {
            throw new IllegalStateException("Two handlers for " + binding.type().wireName() + " in service '" + service
                    + "' (" + where + " and another): a service has one queue, so one handler, per event type");
        }
    }
}
