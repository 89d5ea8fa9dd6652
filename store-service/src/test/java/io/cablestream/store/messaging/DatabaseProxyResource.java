package io.cablestream.store.messaging;

import io.cablestream.testkit.TcpProxy;
import io.cablestream.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Points the service's datasource at the test PostgreSQL through a {@link TcpProxy}, injected into the test's
 * {@link Proxy} field, so the test can take the database away from the service and give it back.
 */
public class DatabaseProxyResource implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Proxy {
    }

    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        TestDatabase database = TestDatabase.shared();
        proxy = database.startProxy();
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrlThrough(proxy),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(Proxy.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        proxy.close();
    }
}
