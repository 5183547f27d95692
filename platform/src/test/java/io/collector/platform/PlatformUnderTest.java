package io.collector.platform;

import io.collector.platform.console.ConsoleApplication;
import io.collector.service.testkit.TestRun;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.HashMap;
import java.util.Map;

/**
 * The platform the tests of this module share: all ten services and the console, started once per
 * test run (isolated by {@link TestRun}) and stopped when the last test is done. A test method or
 * {@code @BeforeAll} method asks for it as a {@link CollectorPlatform} parameter.
 */
public final class PlatformUnderTest implements ParameterResolver, AutoCloseable {

    private final CollectorPlatform platform;

    public PlatformUnderTest() {
        this.platform = null;
    }

    private PlatformUnderTest(CollectorPlatform platform) {
        this.platform = platform;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == CollectorPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(PlatformUnderTest.class, key -> new PlatformUnderTest(start()), PlatformUnderTest.class)
                .platform;
    }

    private static CollectorPlatform start() {
        return CollectorPlatform.start(service -> {
            Map<String, Object> properties = new HashMap<>();
            if (!service.equals(ConsoleApplication.NAME)) {
                properties.putAll(TestRun.properties(service));
            }
            properties.put("server.port", "0");
            properties.put("spring.profiles.active", "local");
            properties.put("logging.level.root", "WARN");
            return properties;
        });
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
    }
}
