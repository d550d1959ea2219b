package dev.ignis.engine.internal.boot;

import org.hibernate.boot.model.TypeContributor;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.registry.internal.BootstrapServiceRegistryImpl;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The bootstrap registry one engine's datasources share: safe to load services from parallel boot threads. */
class HibernateBootstrapTest {

    @Test
    void parallelBootThreadsGetTheSameServicesLoadedOnce() throws Exception {
        try (HibernateBootstrap bootstrap = new HibernateBootstrap()) {
            ClassLoaderService classLoading = bootstrap.registry().requireService(ClassLoaderService.class);
            Callable<Collection<TypeContributor>> load = () -> classLoading.loadJavaServices(TypeContributor.class);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Collection<TypeContributor>>> results = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    results.add(threads.submit(load));
                }
                Collection<TypeContributor> first = results.get(0).get();
                assertThat(first).hasAtLeastOneElementOfType(TemporalAsTextTypeContributor.class)
                        .hasAtLeastOneElementOfType(StringCollationTypeContributor.class);
                for (Future<Collection<TypeContributor>> result : results) {
                    assertThat(result.get()).as("the same cached services for every caller").isSameAs(first);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void closingItDestroysTheRegistry() {
        HibernateBootstrap bootstrap = new HibernateBootstrap();
        BootstrapServiceRegistryImpl registry = (BootstrapServiceRegistryImpl) bootstrap.registry();
        assertThat(registry.isActive()).isTrue();
        bootstrap.close();
        assertThat(registry.isActive()).isFalse();
    }
}
