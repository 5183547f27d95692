package io.collector.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedConstructor;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/**
 * Creates the records through {@link Constructor#newInstance}: Jackson 3.1 calls a constructor with
 * {@code MethodHandle.invokeWithArguments}, which builds an argument spreader on every call (3.5 %
 * of a consuming JVM's CPU in the bus benchmark, bench/README.md). A constructor that throws is
 * called again the regular way, so that its error reads exactly as Jackson words it.
 */
final class DirectConstructorCalls extends ValueInstantiators.Base {

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
                                                     ValueInstantiator instantiator) {
        if (instantiator.canCreateFromObjectWith() && instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator
                && Modifier.isPublic(creator.getAnnotated().getModifiers())
                && Modifier.isPublic(creator.getDeclaringClass().getModifiers())) {
            return new Direct(instantiator, creator.getAnnotated());
        }
        return instantiator;
    }

    private static final class Direct extends ValueInstantiator.Delegating {

        private final Constructor<?> constructor;

        Direct(ValueInstantiator delegate, Constructor<?> constructor) {
            super(delegate);
            this.constructor = constructor;
        }

        @Override
        public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier bean) {
            ValueInstantiator contextual = delegate().createContextual(context, bean);
            return contextual == delegate() ? this : new Direct(contextual, constructor);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
                                           PropertyValueBuffer buffer) throws JacksonException {
            return createFromObjectWith(context, buffer.getParameters(context, properties));
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) throws JacksonException {
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return delegate().createFromObjectWith(context, arguments);
            }
        }
    }
}
