package dev.ignis.engine.internal.boot;

import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hibernate's bootstrap registry (class loading, strategy selection, integrators), one for the datasources of an
 * engine, as Hibernate intends for several SessionFactories. Each datasource builds its own standard registry on top.
 * Shared, the service look-ups Hibernate makes while a SessionFactory is built (a scan of every jar for each service
 * type) run once per engine instead of once per datasource, and no longer contend for the same jar files from
 * parallel boot threads. The engine closes it after its datasources.
 *
 * <p>It keeps the datasources' registries it made: Hibernate destroys a bootstrap registry by iterating its children
 * while each destroyed child unregisters itself, so a child still open then (the registry of a datasource whose
 * SessionFactory failed with an {@code Error}, say) turns the close into a {@code ConcurrentModificationException}.
 * Closing destroys the children first.
 */
public final class HibernateBootstrap implements AutoCloseable {
    private final BootstrapServiceRegistry registry = new BootstrapServiceRegistryBuilder()
            .applyClassLoaderService(new SerialServiceLoading(new ClassLoaderServiceImpl(Set.of(), TcclLookupPrecedence.AFTER)))
            .disableAutoClose() // the datasources' registries come and go; this one lives as long as the engine
            .build();

    BootstrapServiceRegistry registry() {
        return registry;
    }

    private final Set<StandardServiceRegistry> children = ConcurrentHashMap.newKeySet();

    /** A datasource's standard registry on this one, with these settings; destroy it with {@link #destroy}. */
    StandardServiceRegistry newRegistry(Map<String, Object> settings) {
        StandardServiceRegistry child = new StandardServiceRegistryBuilder(registry).applySettings(settings).build();
        children.add(child);
        return child;
    }

    /** Destroys a registry made by {@link #newRegistry} (a closed SessionFactory has destroyed it already: no harm). */
    void destroy(StandardServiceRegistry child) {
        children.remove(child);
        StandardServiceRegistryBuilder.destroy(child);
    }

    /** How many registries made here are still active. */
    long activeRegistries() {
        return children.stream().filter(child -> ((ServiceRegistryImplementor) child).isActive()).count()
                + (((ServiceRegistryImplementor) registry).isActive() ? 1 : 0);
    }

    /**
     * Destroys every datasource registry still open, then this one. Every step runs; the first failure is thrown
     * with the later ones suppressed.
     */
    @Override
    public void close() {
        Cleanup cleanup = new Cleanup();
        List.copyOf(children).forEach(child -> cleanup.run(() -> destroy(child)));
        cleanup.run(() -> BootstrapServiceRegistryBuilder.destroy(registry));
        cleanup.throwIfFailed();
    }

    /**
     * Hibernate's class loader service, with service loading done by one thread at a time: its cache of services
     * iterates a {@link java.util.ServiceLoader} the first time a type is asked for, and a ServiceLoader must not be
     * iterated by several threads at once, as parallel boot threads would. Later look-ups return the cached services.
     */
    private static final class SerialServiceLoading implements ClassLoaderService {
        private final ClassLoaderService delegate;

        SerialServiceLoading(ClassLoaderService delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized <S> Collection<S> loadJavaServices(Class<S> serviceContract) {
            return delegate.loadJavaServices(serviceContract);
        }

        @Override
        public <T> Class<T> classForName(String className) {
            return delegate.classForName(className);
        }

        @Override
        public <T> Class<T> classForTypeName(String className) {
            return delegate.classForTypeName(className);
        }

        @Override
        public URL locateResource(String name) {
            return delegate.locateResource(name);
        }

        @Override
        public InputStream locateResourceStream(String name) {
            return delegate.locateResourceStream(name);
        }

        @Override
        public List<URL> locateResources(String name) {
            return delegate.locateResources(name);
        }

        @Override
        public <T> T generateProxy(InvocationHandler handler, Class<?>... interfaces) {
            return delegate.generateProxy(handler, interfaces);
        }

        @Override
        public Package packageForNameOrNull(String packageName) {
            return delegate.packageForNameOrNull(packageName);
        }

        @Override
        public <T> T workWithClassLoader(Work<T> work) {
            return delegate.workWithClassLoader(work);
        }

        @Override
        public void stop() {
            delegate.stop();
        }
    }
}
